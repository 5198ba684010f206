package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.event.EventLog;
import io.bulwark.pbx.event.EventLogEntry;
import io.bulwark.pbx.extension.Extension;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.location.Binding;
import io.bulwark.pbx.location.LocationService;
import io.bulwark.pbx.location.Locations;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The dashboard: how many extensions exist and are registered now for everyone; for administrators
 * also which phones are registered from where, and the latest events, as both show addresses and
 * user agents that only they may see.
 */
@Named
@RequestScoped
public class DashboardView {

  /** More rows than an admin reads on a dashboard; the counts stay exact. */
  static final int MAX_ROWS = 200;

  /** A registered phone as the dashboard shows it (getters, for Faces expressions). */
  public static final class RegisteredPhone {
    private final String number;
    private final String displayName;
    private final Binding binding;

    RegisteredPhone(String number, String displayName, Binding binding) {
      this.number = number;
      this.displayName = displayName;
      this.binding = binding;
    }

    public String getNumber() {
      return number;
    }

    public String getDisplayName() {
      return displayName;
    }

    public String getContactUri() {
      return binding.contactUri();
    }

    public String getSourceAddress() {
      return binding.sourceAddress();
    }

    public int getSourcePort() {
      return binding.sourcePort();
    }

    public String getTransport() {
      return binding.transport();
    }

    public String getUserAgent() {
      return binding.userAgent();
    }

    public Instant getExpiresAt() {
      return Instant.ofEpochMilli(binding.expiresAtMillis());
    }
  }

  @Inject private ExtensionService extensions;
  @Inject private LocationService locations;
  @Inject private EventLog events;
  @Inject private UserSession user;

  private int extensionCount;
  private long registeredCount;
  private List<RegisteredPhone> bindings;
  private List<EventLogEntry> latestEvents;

  @PostConstruct
  void load() {
    Map<String, String> names =
        extensions.all().stream()
            .collect(Collectors.toMap(Extension::getNumber, Extension::getDisplayName));
    extensionCount = names.size();
    boolean administrator = user.isSecurityViewer();
    List<RegisteredPhone> phones = new ArrayList<>();
    long[] registered = {0};
    locations
        .locations()
        .forEachActive(
            (number, active) -> {
              registered[0]++;
              for (Binding b : administrator ? active : List.<Binding>of()) {
                phones.add(new RegisteredPhone(number, names.getOrDefault(number, ""), b));
              }
            });
    registeredCount = registered[0];
    if (!administrator) {
      bindings = List.of();
      latestEvents = List.of();
      return;
    }
    phones.sort(Comparator.comparing(RegisteredPhone::getNumber, Locations.BY_NUMBER));
    bindings = phones.size() > MAX_ROWS ? List.copyOf(phones.subList(0, MAX_ROWS)) : phones;
    latestEvents = events.latest(20);
  }

  public int getExtensionCount() {
    return extensionCount;
  }

  public long getRegisteredCount() {
    return registeredCount;
  }

  public List<RegisteredPhone> getBindings() {
    return bindings;
  }

  public List<EventLogEntry> getLatestEvents() {
    return latestEvents;
  }
}
