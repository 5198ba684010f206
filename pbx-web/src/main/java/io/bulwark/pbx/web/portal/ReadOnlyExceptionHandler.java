package io.bulwark.pbx.web.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.util.Iterator;

/**
 * Turns a {@link ReadOnlyException} raised by an action into a message on the page it came from;
 * every other exception goes on to the handler it wraps.
 */
public final class ReadOnlyExceptionHandler extends ExceptionHandlerWrapper {

  ReadOnlyExceptionHandler(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
    while (events.hasNext()) {
      Throwable thrown = events.next().getContext().getException();
      while (thrown != null && !(thrown instanceof ReadOnlyException)) {
        thrown = thrown.getCause();
      }
      if (thrown != null) {
        events.remove();
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_ERROR, ReadOnlyException.MESSAGE, ReadOnlyException.MESSAGE));
        faces.validationFailed();
      }
    }
    getWrapped().handle();
  }

  /** Registered in faces-config.xml after PrimeFaces' factory, which it wraps. */
  public static final class Factory extends ExceptionHandlerFactory {
    public Factory(ExceptionHandlerFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
      return new ReadOnlyExceptionHandler(getWrapped().getExceptionHandler());
    }
  }
}
