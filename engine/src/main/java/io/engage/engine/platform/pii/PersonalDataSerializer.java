package io.engage.engine.platform.pii;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Writes a {@link PersonalData} value in clear or masked, as {@link PersonalDataViewer} decides for
 * the current caller. The application's ObjectMapper creates it through Spring with the viewer; an
 * ObjectMapper of its own (internal JSON, never a response) creates it without one and writes
 * values as they are.
 */
public class PersonalDataSerializer extends StdSerializer<Object> implements ContextualSerializer {

  private final PersonalDataViewer viewer;
  private final PersonalData.Kind kind;
  private final String property;

  public PersonalDataSerializer() {
    this(null, PersonalData.Kind.TEXT, null);
  }

  @Autowired
  public PersonalDataSerializer(PersonalDataViewer viewer) {
    this(viewer, PersonalData.Kind.TEXT, null);
  }

  private PersonalDataSerializer(PersonalDataViewer viewer, PersonalData.Kind kind, String property) {
    super(Object.class);
    this.viewer = viewer;
    this.kind = kind;
    this.property = property;
  }

  @Override
  public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty beanProperty) {
    if (beanProperty == null) {
      return this;
    }
    PersonalData annotation = beanProperty.getAnnotation(PersonalData.class);
    PersonalData.Kind kindOf = annotation == null ? PersonalData.Kind.TEXT : annotation.value();
    String name = beanProperty.getMember() == null ? beanProperty.getName()
        : beanProperty.getMember().getDeclaringClass().getSimpleName() + "." + beanProperty.getName();
    return new PersonalDataSerializer(viewer, kindOf, name);
  }

  @Override
  public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
    // Strings, and dates (a birthday) as ISO-8601 text, as Jackson writes them unmarked.
    String text = value.toString();
    if (viewer == null) {
      generator.writeString(text);
    } else if (viewer.seesPersonalData()) {
      viewer.revealed(property);
      generator.writeString(text);
    } else {
      generator.writeString(Masking.mask(text, kind));
    }
  }
}
