package io.bulwark.pbx.web.portal;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import java.util.Set;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * PrimeFaces' messages, with each severity's box as the alert instead of each list item: an {@code
 * <li role="alert">} is no list item, and a list may only hold list items. The box is announced as
 * it appears; its list stays a list.
 */
public final class AccessibleMessagesRenderer extends MessagesRenderer {

  private static final Set<String> SEVERITY_BOXES =
      Set.of("ui-messages-info", "ui-messages-warn", "ui-messages-error", "ui-messages-fatal");

  @Override
  public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
    ResponseWriter original = context.getResponseWriter();
    context.setResponseWriter(new AlertOnTheBox(original));
    try {
      super.encodeEnd(context, component);
    } finally {
      context.setResponseWriter(original);
    }
  }

  private static final class AlertOnTheBox extends ResponseWriterWrapper {

    private String element = "";

    AlertOnTheBox(ResponseWriter wrapped) {
      super(wrapped);
    }

    @Override
    public void startElement(String name, UIComponent owner) throws IOException {
      element = name;
      super.startElement(name, owner);
    }

    @Override
    public void writeAttribute(String name, Object value, String property) throws IOException {
      if ("li".equals(element) && ("role".equals(name) || "aria-atomic".equals(name))) {
        return;
      }
      super.writeAttribute(name, value, property);
      if ("div".equals(element) && "class".equals(name) && SEVERITY_BOXES.contains(value)) {
        super.writeAttribute("role", "alert", null);
        super.writeAttribute("aria-atomic", "true", null);
      }
    }
  }
}
