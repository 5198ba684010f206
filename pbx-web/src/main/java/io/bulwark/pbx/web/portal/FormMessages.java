package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.system.FieldViolation;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import java.util.List;

/** Puts what the services refused next to the fields concerned, and page-wide messages on top. */
final class FormMessages {

  private FormMessages() {}

  /**
   * Each violation goes to the component with the field's id in {@code form}; an indexed field such
   * as {@code dialPatterns[1].strip} goes to the field of the list ({@code dialPatterns}).
   */
  static void fields(String form, List<FieldViolation> violations) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.validationFailed();
    for (FieldViolation v : violations) {
      String field = v.field();
      int bracket = field.indexOf('[');
      String id = form + ":" + (bracket < 0 ? field : field.substring(0, bracket));
      faces.addMessage(id, new FacesMessage(FacesMessage.SEVERITY_ERROR, v.message(), v.message()));
      // An invalid input is drawn with a red border and aria-invalid for screen readers.
      if (faces.getViewRoot().findComponent(id) instanceof UIInput input) {
        input.setValid(false);
      }
    }
  }

  static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /** A save refused for no one field's sake: the form keeps what was typed. */
  static void refused(String text) {
    FacesContext.getCurrentInstance().validationFailed();
    error(text);
  }

  /**
   * Who is making a change, for the event log; every change a page makes asks this first, so it is
   * also where a user whose roles let them only view the page is stopped ({@link
   * ReadOnlyException}).
   */
  static String actor() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Permit permit = CDI.current().select(Permit.class).get();
    if (!permit.isEditable()) {
      throw new ReadOnlyException();
    }
    return faces.getExternalContext().getRemoteUser();
  }
}
