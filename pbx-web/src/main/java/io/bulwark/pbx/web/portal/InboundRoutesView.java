package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.extension.Extension;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.routing.InboundRoute;
import io.bulwark.pbx.routing.InboundRouteDraft;
import io.bulwark.pbx.routing.InboundRouteService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The Inbound Routes page: the routes in the order they are tried, and one form. */
@Named
@ViewScoped
public class InboundRoutesView extends OrderedRoutesView<InboundRoute, InboundRouteDraft> {

  @Inject private transient InboundRouteService routes;
  @Inject private transient ExtensionService extensions;

  private List<Extension> allExtensions;
  private String name;
  private String didPattern;
  private String callerPattern;
  private String destination;

  public InboundRoutesView() {
    super("Inbound route");
  }

  @PostConstruct
  @Override
  void load() {
    loadRoutes();
    allExtensions = extensions.all();
  }

  @Override
  InboundRouteService routes() {
    return routes;
  }

  @Override
  void clearFields() {
    name = didPattern = callerPattern = destination = null;
  }

  @Override
  void fill(InboundRoute r) {
    name = r.getName();
    didPattern = r.getDidPattern();
    callerPattern = r.getCallerPattern();
    destination = r.getDestination();
  }

  @Override
  InboundRouteDraft draft() {
    return new InboundRouteDraft(name, didPattern, callerPattern, destination);
  }

  @Override
  String nameOf(InboundRouteDraft draft) {
    return draft.name();
  }

  public List<Extension> getAllExtensions() {
    return allExtensions;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDidPattern() {
    return didPattern;
  }

  public void setDidPattern(String didPattern) {
    this.didPattern = didPattern;
  }

  public String getCallerPattern() {
    return callerPattern;
  }

  public void setCallerPattern(String callerPattern) {
    this.callerPattern = callerPattern;
  }

  public String getDestination() {
    return destination;
  }

  public void setDestination(String destination) {
    this.destination = destination;
  }
}
