/**
 * Who may sign in, and what happens to those who guess: Keycloak owns users, passwords and second
 * factors, and tells Bulwark of every failed login ({@link
 * io.bulwark.pbx.identity.LoginFailureFeed}), which the firewall counts per source address to lock
 * guessing addresses out.
 */
package io.bulwark.pbx.identity;
