package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.extension.Extension;
import io.bulwark.pbx.extension.ExtensionDraft;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The Extensions page: the list, and one form that creates or edits an extension. */
@Named
@ViewScoped
public class ExtensionsView implements Serializable {

  private static final String FORM = "extensionForm:";

  @Inject private transient ExtensionService extensions;

  private List<Extension> all;
  private Long editingId;
  private String number;
  private String displayName;
  private String registrationName;
  private String secret;
  private String email;

  @PostConstruct
  void load() {
    all = extensions.all();
  }

  public void startNew() {
    editingId = null;
    number = displayName = registrationName = secret = email = null;
  }

  public void edit(long id) {
    Extension e = extensions.get(id);
    editingId = e.getId();
    number = e.getNumber();
    displayName = e.getDisplayName();
    registrationName = e.getRegistrationName();
    email = e.getEmail();
    secret = null;
  }

  public void save() {
    ExtensionDraft draft = new ExtensionDraft(number, displayName, registrationName, secret, email);
    try {
      String actor = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
      if (editingId == null) {
        extensions.create(draft, actor);
        info("Extension " + number + " created");
      } else {
        extensions.update(editingId, draft, actor);
        info("Extension " + number + " saved");
      }
      startNew();
      load();
    } catch (InvalidInputException e) {
      FacesContext.getCurrentInstance().validationFailed();
      for (FieldViolation v : e.violations()) {
        FacesContext.getCurrentInstance()
            .addMessage(
                FORM + v.field(),
                new FacesMessage(FacesMessage.SEVERITY_ERROR, v.message(), v.message()));
      }
    }
  }

  public void delete(long id) {
    try {
      Extension e = extensions.get(id);
      extensions.delete(id, FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
      info("Extension " + e.getNumber() + " deleted");
    } catch (NotFoundException e) {
      info(e.getMessage());
    }
    if (editingId != null && editingId == id) {
      startNew();
    }
    load();
  }

  private static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  public List<Extension> getAll() {
    return all;
  }

  public boolean isEditing() {
    return editingId != null;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getRegistrationName() {
    return registrationName;
  }

  public void setRegistrationName(String registrationName) {
    this.registrationName = registrationName;
  }

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
