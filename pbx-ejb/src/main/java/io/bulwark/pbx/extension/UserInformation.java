package io.bulwark.pbx.extension;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The person an extension belongs to, as the guide's User Information has it: name, mobile and the
 * role they sign in to the portal with. The extension's user in Keycloak (named by the extension's
 * number) is kept equal to it.
 */
@Embeddable
public class UserInformation {

  /** The role of a user nobody gave one: the dashboard and their own account. */
  public static final String DEFAULT_ROLE = "employee";

  @Column(name = "user_first_name", length = 64)
  private String firstName;

  @Column(name = "user_last_name", length = 64)
  private String lastName;

  @Column(name = "user_mobile", length = 32)
  private String mobile;

  @Column(name = "user_role", nullable = false, length = 48)
  private String role = DEFAULT_ROLE;

  protected UserInformation() {}

  UserInformation(UserInformationDraft draft) {
    firstName = blankToNull(draft.firstName());
    lastName = blankToNull(draft.lastName());
    mobile = blankToNull(draft.mobile());
    role = draft.role() == null || draft.role().isBlank() ? DEFAULT_ROLE : draft.role().strip();
  }

  static UserInformation none() {
    return new UserInformation();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public String getMobile() {
    return mobile;
  }

  public String getRole() {
    return role;
  }
}
