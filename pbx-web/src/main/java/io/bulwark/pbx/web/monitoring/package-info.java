/**
 * Monitoring: {@code /health} says per component (WildFly, the SIP listener, the database,
 * Keycloak) whether it answers now, asked the way its users ask it; {@code /metrics} gives the
 * counters and gauges in Prometheus' text format. Both answer loopback only.
 */
package io.bulwark.pbx.web.monitoring;
