package io.bulwark.pbx.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/** Sends through one SMTP server: a session per batch of messages, with bounded timeouts. */
final class SmtpSender {

  private static final String TIMEOUT = Long.toString(Duration.ofSeconds(20).toMillis());

  private final Session session;
  private final InternetAddress from;

  SmtpSender(
      String host,
      int port,
      MailSecurity security,
      String username,
      String password,
      String fromAddress,
      String fromName) {
    String protocol = security == MailSecurity.TLS ? "smtps" : "smtp";
    Properties properties = new Properties();
    properties.put("mail.transport.protocol", protocol);
    properties.put("mail." + protocol + ".host", host);
    properties.put("mail." + protocol + ".port", Integer.toString(port));
    properties.put("mail." + protocol + ".connectiontimeout", TIMEOUT);
    properties.put("mail." + protocol + ".timeout", TIMEOUT);
    properties.put("mail." + protocol + ".writetimeout", TIMEOUT);
    if (security == MailSecurity.STARTTLS) {
      properties.put("mail.smtp.starttls.enable", "true");
      properties.put("mail.smtp.starttls.required", "true");
    }
    if (security != MailSecurity.NONE) {
      properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
    }
    Authenticator authenticator = null;
    if (username != null) {
      properties.put("mail." + protocol + ".auth", "true");
      authenticator =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(username, password == null ? "" : password);
            }
          };
    }
    session = Session.getInstance(properties, authenticator);
    try {
      from = new InternetAddress(fromAddress, fromName, StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is part of every Java runtime", e);
    }
  }

  void send(MailMessage message) throws MessagingException {
    MimeMessage mime = new MimeMessage(session);
    mime.setFrom(from);
    mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.to(), true));
    mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
    mime.setSentDate(new Date());
    MimeBodyPart text = new MimeBodyPart();
    text.setText(message.text(), StandardCharsets.UTF_8.name());
    MimeBodyPart html = new MimeBodyPart();
    html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternatives = new MimeMultipart("alternative");
    alternatives.addBodyPart(text);
    alternatives.addBodyPart(html);
    mime.setContent(alternatives);
    Transport.send(mime);
  }
}
