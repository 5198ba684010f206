package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InUseException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.UnavailableException;
import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The record a list page's one create-or-edit form is editing (its id, the version it was read at,
 * its name as read), and what the page says when a save, delete or move meets someone else's
 * change. Trunks, inbound and outbound routes answer alike; only the noun differs. The page keeps
 * its own fields and reloads its own list.
 */
final class EditedRecord implements Serializable {

  /** Saves the edited record: its id, the version the form read, and who saves. */
  @FunctionalInterface
  interface Update {
    void save(long id, int version, String actor);
  }

  private final String noun;
  private final String form;
  private Long id;
  private int version;
  private String name;

  /**
   * @param noun what messages call a record, capitalised: {@code Inbound route}
   * @param form the id of the form whose fields take the violations
   */
  EditedRecord(String noun, String form) {
    this.noun = noun;
    this.form = form;
  }

  /**
   * Runs {@code action} on a record the list showed; empty, with a message, when someone deleted
   * the record meanwhile.
   */
  <T> Optional<T> ifStillThere(Supplier<T> action) {
    try {
      return Optional.of(action.get());
    } catch (NotFoundException gone) {
      FormMessages.error("This " + noun.toLowerCase(Locale.ROOT) + " was deleted by someone else.");
      return Optional.empty();
    }
  }

  /** From now on the form edits this record. */
  void edit(long id, int version, String name) {
    this.id = id;
    this.version = version;
    this.name = name;
  }

  /** From now on the form creates a new record. */
  void clear() {
    id = null;
    name = null;
  }

  /**
   * Creates a record, or saves the one being edited under its version check, and says which.
   *
   * @param shownName the name the form holds, for the message
   * @return whether the form should start over: it saved, or the record it edited is gone
   */
  boolean save(String shownName, Consumer<String> create, Update update) {
    try {
      if (id == null) {
        create.accept(FormMessages.actor());
        FormMessages.info(noun + " " + shownName + " created");
      } else {
        update.save(id, version, FormMessages.actor());
        FormMessages.info(noun + " " + shownName + " saved");
      }
      return true;
    } catch (ConcurrentChangeException e) {
      FormMessages.refused(e.getMessage());
      return false;
    } catch (NotFoundException e) {
      FormMessages.refused(noun + " " + name + " was deleted by someone else; nothing was saved.");
      return true;
    } catch (InvalidInputException e) {
      FormMessages.fields(form, e.violations());
      return false;
    } catch (UnavailableException e) {
      FormMessages.refused(e.getMessage());
      return false;
    }
  }

  /**
   * Deletes the record the list shows as {@code shownName}; messages name it by that name.
   *
   * @return whether this delete removed it; false when someone else already had
   */
  boolean delete(String shownName, Consumer<String> delete) {
    try {
      delete.accept(FormMessages.actor());
      FormMessages.info(noun + " " + shownName + " deleted");
      return true;
    } catch (NotFoundException e) {
      FormMessages.info(noun + " " + shownName + " was already deleted by someone else.");
      return false;
    } catch (InUseException | UnavailableException e) {
      FormMessages.error(e.getMessage());
      return false;
    }
  }

  boolean isEditing() {
    return id != null;
  }

  boolean isEditing(long recordId) {
    return id != null && id == recordId;
  }

  /** The edited record's name as it was read, not as the form now holds it. */
  String name() {
    return name;
  }
}
