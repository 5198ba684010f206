package io.bulwark.pbx.mail;

/** One message to one recipient, as plain text with an HTML alternative. */
public record MailMessage(String to, String subject, String text, String html) {}
