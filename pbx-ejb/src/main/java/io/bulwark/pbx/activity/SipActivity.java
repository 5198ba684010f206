package io.bulwark.pbx.activity;

import java.time.Clock;

/**
 * What phones did in the last hour, minute by minute: REGISTERs accepted (new bindings, refreshes
 * and removals, everything answered 200 OK) and failed authentications (every REGISTER refused with
 * 403, whatever the reason). Called on SIP threads; see {@link MinuteSeries} for the cost.
 */
public final class SipActivity {

  private final MinuteSeries registrations;
  private final MinuteSeries failedAuthentications;

  public SipActivity(Clock clock) {
    this.registrations = new MinuteSeries(clock);
    this.failedAuthentications = new MinuteSeries(clock);
  }

  public void registrationAccepted() {
    registrations.count();
  }

  public void authenticationFailed() {
    failedAuthentications.count();
  }

  public Series registrationsPerMinute() {
    return registrations.lastHour();
  }

  public Series failedAuthenticationsPerMinute() {
    return failedAuthentications.lastHour();
  }
}
