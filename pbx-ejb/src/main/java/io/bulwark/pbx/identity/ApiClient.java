package io.bulwark.pbx.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A script's way into the API: the Keycloak client {@code api-<name>} (client credentials), holding
 * one role. Its secret is never stored here.
 */
@Entity
@Table(name = "api_client")
@NamedQuery(name = "ApiClient.all", query = "select c from ApiClient c order by c.name")
public class ApiClient {

  /** Keycloak client ids of API clients start with this; their principals with the account's. */
  public static final String PREFIX = "api-";

  /** The principal name of an API client's tokens: Keycloak's service account user. */
  public static final String PRINCIPAL_PREFIX = "service-account-" + PREFIX;

  /** Whether {@code principal} is an API client's. */
  public static boolean isPrincipal(String principal) {
    return principal != null && principal.startsWith(PRINCIPAL_PREFIX);
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 40, updatable = false)
  private String name;

  @Column(nullable = false)
  private String description;

  @Column(nullable = false, length = 48)
  private String role;

  @Column(name = "keycloak_id", nullable = false, length = 64, updatable = false)
  private String keycloakId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", length = 128, updatable = false)
  private String createdBy;

  @Column(name = "secret_set_at", nullable = false)
  private Instant secretSetAt;

  @Version private int version;

  protected ApiClient() {}

  ApiClient(ApiClientDraft draft, String keycloakId, Instant now, String createdBy) {
    this.name = draft.name().strip();
    this.keycloakId = keycloakId;
    this.createdAt = now;
    this.createdBy = createdBy;
    this.secretSetAt = now;
    apply(draft);
  }

  void apply(ApiClientDraft draft) {
    description = draft.description() == null ? "" : draft.description().strip();
    role = draft.role().strip();
  }

  void secretIssued(Instant now) {
    secretSetAt = now;
  }

  /** The Keycloak client id a script signs in with: {@code api-backup}. */
  public String getClientId() {
    return PREFIX + name;
  }

  /** The principal its tokens carry, as the event and audit logs name it. */
  public String principal() {
    return PRINCIPAL_PREFIX + name;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public String getRole() {
    return role;
  }

  String keycloakId() {
    return keycloakId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getSecretSetAt() {
    return secretSetAt;
  }

  public int getVersion() {
    return version;
  }
}
