package io.funnel.capture.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A registered web form: where it may be embedded, how its fields map to a lead, where the visitor goes next. */
@Entity
@Table(name = "web_form")
public class WebForm extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    @Convert(converter = StringListConverter.class)
    public List<String> allowedOrigins;
    /** Form field name → lead field name; unmapped fields are kept as custom fields. */
    @Convert(converter = StringMapConverter.class)
    public Map<String, String> fieldMapping;
    public String thankYouUrl;
    /** A field hidden from people; bots fill it in. */
    public String honeypotField;
    public String consentText;
    public String consentVersion;
    public Instant createdAt;
    public Instant updatedAt;
}
