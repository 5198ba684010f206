/**
 * Event notification: the contacts told of events (by email and by signed webhook), the throttle
 * that keeps an attack from becoming a mail flood, and the delivery itself. Which types notify, at
 * which level and in which words is {@link io.bulwark.pbx.event.EventSettings}'s.
 */
package io.bulwark.pbx.notification;
