package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.event.EventLogEntry;
import io.bulwark.pbx.event.EventRecorder;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.extension.RegistrationBinding;
import io.bulwark.pbx.extension.RegistrationService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The dashboard: how many extensions exist, which are registered now, the latest events. */
@Named
@RequestScoped
public class DashboardView {

  @Inject private ExtensionService extensions;
  @Inject private RegistrationService registrations;
  @Inject private EventRecorder events;

  private int extensionCount;
  private List<RegistrationBinding> bindings;
  private List<EventLogEntry> latestEvents;

  @PostConstruct
  void load() {
    extensionCount = extensions.all().size();
    bindings = registrations.activeBindings();
    latestEvents = events.latest(20);
  }

  public int getExtensionCount() {
    return extensionCount;
  }

  public long getRegisteredCount() {
    return bindings.stream().map(b -> b.getExtension().getNumber()).distinct().count();
  }

  public List<RegistrationBinding> getBindings() {
    return bindings;
  }

  public List<EventLogEntry> getLatestEvents() {
    return latestEvents;
  }
}
