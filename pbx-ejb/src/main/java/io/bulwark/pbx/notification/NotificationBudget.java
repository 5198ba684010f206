package io.bulwark.pbx.notification;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/** The one {@link NotificationThrottle} of the server: 5 notifications of a type in 10 minutes. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NotificationBudget {

  static final Duration WINDOW = Duration.ofMinutes(10);
  static final int PER_WINDOW = 5;

  @Inject private Clock clock;

  private NotificationThrottle throttle;

  @PostConstruct
  void start() {
    throttle = new NotificationThrottle(clock, WINDOW, PER_WINDOW);
  }

  public NotificationThrottle throttle() {
    return throttle;
  }
}
