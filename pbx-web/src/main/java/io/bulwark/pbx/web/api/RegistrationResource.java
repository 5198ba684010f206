package io.bulwark.pbx.web.api;

import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.location.Binding;
import io.bulwark.pbx.location.LocationService;
import io.bulwark.pbx.location.Locations;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/registrations}: where phones are registered right now, read from the location
 * service's memory (the database may be up to a second behind).
 */
@Path("/registrations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Guarded(Area.EXTENSIONS)
public class RegistrationResource {

  static final int MAX_LIMIT = 1000;

  /** One active binding. */
  public record View(
      String extension,
      String contact,
      String sourceAddress,
      int sourcePort,
      String transport,
      String userAgent,
      Instant registeredAt,
      Instant expiresAt) {

    static View of(String extension, Binding b) {
      return new View(
          extension,
          b.contactUri(),
          b.sourceAddress(),
          b.sourcePort(),
          b.transport(),
          b.userAgent(),
          Instant.ofEpochMilli(b.registeredAtMillis()),
          Instant.ofEpochMilli(b.expiresAtMillis()));
    }
  }

  /**
   * A page of bindings, ordered by extension number.
   *
   * @param total active bindings in all (of the extension, when one was asked for)
   * @param registeredExtensions extensions with at least one active binding among them
   */
  public record Page(long total, long registeredExtensions, List<View> bindings) {}

  @Inject private LocationService locations;

  @GET
  @APIResponse(responseCode = "200", description = "A page of active bindings")
  @APIResponse(
      responseCode = "400",
      description = "A query parameter is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Page list(
      @QueryParam("extension") String extension,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    int from = offset == null ? 0 : offset;
    int size = limit == null ? 100 : limit;
    if (from < 0) {
      throw new InvalidInputException("offset", "offset must be 0 or more");
    }
    if (size < 0 || size > MAX_LIMIT) {
      throw new InvalidInputException("limit", "limit must be 0 to " + MAX_LIMIT);
    }
    List<View> all = new ArrayList<>();
    long[] extensions = {0};
    if (extension != null) {
      List<Binding> active = locations.locations().bindings(extension);
      active.forEach(b -> all.add(View.of(extension, b)));
      extensions[0] = active.isEmpty() ? 0 : 1;
    } else {
      locations
          .locations()
          .forEachActive(
              (number, active) -> {
                extensions[0]++;
                active.forEach(b -> all.add(View.of(number, b)));
              });
      all.sort(Comparator.comparing(View::extension, Locations.BY_NUMBER));
    }
    List<View> page =
        from >= all.size() ? List.of() : all.subList(from, Math.min(all.size(), from + size));
    return new Page(all.size(), extensions[0], List.copyOf(page));
  }
}
