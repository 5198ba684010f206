package io.bulwark.pbx.event;

/** Kinds of events, each with the severity it is shown with. */
public enum EventType {
  REGISTRATION_FAILED(Severity.WARNING),
  REGISTRATION_LIMIT_REACHED(Severity.WARNING),
  CALL_REJECTED(Severity.WARNING),
  CALL_HUNG_UP(Severity.INFO),
  EXTENSION_CREATED(Severity.INFO),
  EXTENSION_UPDATED(Severity.INFO),
  EXTENSION_DELETED(Severity.INFO),
  TRUNK_CREATED(Severity.INFO),
  TRUNK_UPDATED(Severity.INFO),
  TRUNK_DELETED(Severity.INFO),
  INBOUND_ROUTE_CREATED(Severity.INFO),
  INBOUND_ROUTE_UPDATED(Severity.INFO),
  INBOUND_ROUTE_DELETED(Severity.INFO),
  OUTBOUND_ROUTE_CREATED(Severity.INFO),
  OUTBOUND_ROUTE_UPDATED(Severity.INFO),
  OUTBOUND_ROUTE_DELETED(Severity.INFO),
  SOURCE_BLOCKED(Severity.ALERT),
  SOURCE_UNBLOCKED(Severity.INFO),
  EXTENSION_REGISTRATION_BLOCKED_OUT(Severity.ALERT),
  STATIC_RULE_CREATED(Severity.INFO),
  STATIC_RULE_UPDATED(Severity.INFO),
  STATIC_RULE_DELETED(Severity.INFO),
  AUTO_DEFENSE_RULE_CREATED(Severity.INFO),
  AUTO_DEFENSE_RULE_UPDATED(Severity.INFO),
  AUTO_DEFENSE_RULE_DELETED(Severity.INFO),
  DEFENSE_SETTINGS_UPDATED(Severity.INFO),
  DECOY_EXTENSION_CREATED(Severity.INFO),
  DECOY_EXTENSION_DELETED(Severity.INFO),
  BLOCKLIST_SETTINGS_UPDATED(Severity.INFO),
  BLOCKLIST_SYNCED(Severity.INFO),
  BLOCKLIST_SYNC_FAILED(Severity.WARNING),
  ACCESS_SETTINGS_UPDATED(Severity.INFO),
  CERTIFICATE_INSTALLED(Severity.INFO),
  CERTIFICATE_EXPIRING(Severity.WARNING),
  CALL_DENIED(Severity.WARNING),
  BLOCKED_NUMBER_CREATED(Severity.INFO),
  BLOCKED_NUMBER_UPDATED(Severity.INFO),
  BLOCKED_NUMBER_DELETED(Severity.INFO),
  CALL_SECURITY_SETTINGS_UPDATED(Severity.INFO),
  ALLOWED_COUNTRY_CODES_UPDATED(Severity.INFO),
  BUSINESS_HOURS_UPDATED(Severity.INFO),
  FREQUENCY_RULE_CREATED(Severity.INFO),
  FREQUENCY_RULE_UPDATED(Severity.INFO),
  FREQUENCY_RULE_DELETED(Severity.INFO),
  EXTENSION_GROUP_CREATED(Severity.INFO),
  EXTENSION_GROUP_UPDATED(Severity.INFO),
  EXTENSION_GROUP_DELETED(Severity.INFO),
  SPEND_GUARD_SETTINGS_UPDATED(Severity.INFO),
  TOLL_FRAUD_SUSPECTED(Severity.ALERT),
  EXTENSION_OUTBOUND_DISABLED(Severity.ALERT),
  PIN_LIST_CREATED(Severity.INFO),
  PIN_LIST_UPDATED(Severity.INFO),
  PIN_LIST_DELETED(Severity.INFO),
  ROUTE_PIN_FAILED(Severity.WARNING),
  WEB_LOGIN_FAILED(Severity.WARNING),
  WEB_LOGIN_LOCKED_OUT(Severity.ALERT),
  WEB_USER_BLOCKED_OUT(Severity.ALERT),
  LOGIN_LOCKOUT_UPDATED(Severity.INFO),
  ROLE_CREATED(Severity.INFO),
  ROLE_UPDATED(Severity.INFO),
  ROLE_DELETED(Severity.INFO),
  ACCESS_DENIED(Severity.WARNING),
  API_CLIENT_CREATED(Severity.INFO),
  API_CLIENT_UPDATED(Severity.INFO),
  API_CLIENT_SECRET_ROTATED(Severity.INFO),
  API_CLIENT_REVOKED(Severity.INFO),
  TWO_FACTOR_POLICY_UPDATED(Severity.INFO),
  MAIL_SETTINGS_UPDATED(Severity.INFO),
  LOGIN_LINK_ISSUED(Severity.INFO),
  LOGIN_LINK_REVOKED(Severity.INFO),
  WELCOME_EMAIL_SENT(Severity.INFO),
  EMAIL_CODES_CHANGED(Severity.INFO),
  SSO_SETTINGS_UPDATED(Severity.INFO),
  PROVISIONING_LINK_ISSUED(Severity.INFO),
  PHONE_PROVISIONED(Severity.INFO),
  PROVISIONING_REFUSED(Severity.WARNING),
  EVENT_SETTING_UPDATED(Severity.INFO),
  NOTIFICATION_CONTACT_CREATED(Severity.INFO),
  NOTIFICATION_CONTACT_UPDATED(Severity.INFO),
  NOTIFICATION_CONTACT_DELETED(Severity.INFO),
  NOTIFICATION_FAILED(Severity.WARNING),
  SECURITY_LOG_VERIFIED(Severity.INFO),
  SECURITY_LOG_TAMPERED(Severity.ALERT),
  BACKUP_SUCCEEDED(Severity.INFO),
  BACKUP_FAILED(Severity.ALERT),
  BACKUP_UPLOADED(Severity.INFO),
  BACKUP_DELETED(Severity.INFO),
  BACKUP_RESTORED(Severity.WARNING),
  RESTORE_REFUSED(Severity.WARNING),
  BACKUP_SCHEDULE_UPDATED(Severity.INFO),
  BACKUP_SFTP_UPDATED(Severity.INFO),
  BACKUP_COPIED(Severity.INFO),
  BACKUP_COPY_FAILED(Severity.ALERT),
  BACKUP_FETCHED(Severity.INFO),
  TRUNK_DOWN(Severity.ALERT),
  TRUNK_UP(Severity.INFO),
  DISK_SPACE_LOW(Severity.ALERT),
  SIP_PORTS_CHANGED(Severity.INFO),
  SSH_ACCESS_CHANGED(Severity.WARNING),
  WEB_PORTS_MOVING(Severity.WARNING),
  WEB_PORTS_CHANGED(Severity.INFO),
  WEB_PORTS_REVERTED(Severity.WARNING),
  RTP_PORTS_CHANGED(Severity.INFO),
  SSH_PORT_CHANGED(Severity.WARNING),
  UPGRADE_SETTINGS_UPDATED(Severity.INFO),
  UPGRADE_AVAILABLE(Severity.INFO),
  UPGRADE_REFUSED(Severity.WARNING),
  UPGRADE_STARTED(Severity.WARNING),
  UPGRADE_INSTALLED(Severity.INFO),
  UPGRADE_ROLLED_BACK(Severity.ALERT),
  UPGRADE_FAILED(Severity.ALERT);

  private final Severity severity;

  EventType(Severity severity) {
    this.severity = severity;
  }

  /** The level an event of this type has until an administrator gives it another. */
  public Severity severity() {
    return severity;
  }

  /** The group of System > Event Notification the type is listed in. */
  public Category category() {
    return switch (this) {
      case REGISTRATION_FAILED,
          REGISTRATION_LIMIT_REACHED,
          CALL_REJECTED,
          CALL_DENIED,
          SOURCE_BLOCKED,
          EXTENSION_REGISTRATION_BLOCKED_OUT,
          WEB_LOGIN_FAILED,
          WEB_LOGIN_LOCKED_OUT,
          WEB_USER_BLOCKED_OUT,
          ACCESS_DENIED,
          ROUTE_PIN_FAILED,
          TOLL_FRAUD_SUSPECTED,
          EXTENSION_OUTBOUND_DISABLED,
          PROVISIONING_REFUSED,
          SECURITY_LOG_TAMPERED,
          UPGRADE_REFUSED ->
          Category.SECURITY;
      case BLOCKLIST_SYNCED,
          BLOCKLIST_SYNC_FAILED,
          CERTIFICATE_EXPIRING,
          NOTIFICATION_FAILED,
          SECURITY_LOG_VERIFIED,
          BACKUP_SUCCEEDED,
          BACKUP_FAILED,
          BACKUP_UPLOADED,
          BACKUP_DELETED,
          BACKUP_RESTORED,
          RESTORE_REFUSED,
          BACKUP_COPIED,
          BACKUP_COPY_FAILED,
          BACKUP_FETCHED,
          TRUNK_DOWN,
          TRUNK_UP,
          DISK_SPACE_LOW,
          UPGRADE_AVAILABLE,
          UPGRADE_STARTED,
          UPGRADE_INSTALLED,
          UPGRADE_ROLLED_BACK,
          UPGRADE_FAILED ->
          Category.SYSTEM;
      default -> Category.OPERATIONS;
    };
  }

  /**
   * Whether contacts are told of it on a new system: alerts are, except that a failed notification
   * would only fail again.
   */
  public boolean notifiesByDefault() {
    return severity == Severity.ALERT;
  }

  /** The name people read: "Registration failed" for {@code REGISTRATION_FAILED}. */
  public String getLabel() {
    return sentence(name());
  }

  /** "Auto defense" for {@code AUTO_DEFENSE}: a constant's name as people read it. */
  public static String sentence(String constant) {
    String words = constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** What an event is about: attacks and refusals, the system's health, or an admin's change. */
  public enum Category {
    SECURITY,
    SYSTEM,
    OPERATIONS;

    public String getLabel() {
      return sentence(name());
    }
  }

  /** How urgent an event is. */
  public enum Severity {
    INFO,
    WARNING,
    ALERT;

    public String getLabel() {
      return sentence(name());
    }
  }
}
