package io.bulwark.pbx.activity;

import io.bulwark.pbx.event.EventType;
import java.util.Map;

/**
 * What the dashboard charts: the last hour of SIP per minute, the last day of security events per
 * hour and severity (every severity present, in {@link EventType.Severity} order).
 */
public record RecentActivity(
    Series registrationsPerMinute,
    Series failedAuthenticationsPerMinute,
    Map<EventType.Severity, Series> securityEventsPerHour) {}
