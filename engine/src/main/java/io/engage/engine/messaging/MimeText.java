package io.engage.engine.messaging;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;

/** Finds the text/plain part of a MIME message. */
final class MimeText {

  private MimeText() {}

  static String plainText(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent());
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String text = plainText(child);
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }
}
