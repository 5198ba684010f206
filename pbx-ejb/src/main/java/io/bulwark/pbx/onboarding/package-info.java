/**
 * Bringing users in and letting them secure their sign-in: one-time login links (and their QR
 * codes) that sign an extension's user in to the user portal once, the welcome emails that carry
 * them, and the user's choice of sign-in codes by email.
 */
package io.bulwark.pbx.onboarding;
