package io.engage.engine.platform.pii;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a String (or, for {@link Kind#BIRTHDAY}, a date) property as personal data in API responses: callers whose role may not see
 * personal data get it masked, and every response that reveals it in clear is recorded. Put it on
 * the record component (or field) once; no controller has to know.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = PersonalDataSerializer.class)
public @interface PersonalData {

  Kind value() default Kind.TEXT;

  /** How a masked value keeps enough shape to be recognised by someone who knows it. */
  enum Kind {
    /** {@code c***@example.com} */
    EMAIL,
    /** {@code ***1234} */
    PHONE,
    /** {@code Z***} */
    NAME,
    /** Addresses, free text, tokens: {@code ***}. */
    TEXT,
    /** {@code ****-05-01}: the year hidden; the day stays, as marketers plan birthday care by it. */
    BIRTHDAY
  }
}
