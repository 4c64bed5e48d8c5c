package io.funnel.capture.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A lead as capture stores it: the latest known profile, where it came from and its consent. */
@Entity
public class Lead extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String email;
    @Column(name = "normalized_email", nullable = false, unique = true)
    public String normalizedEmail;
    public String firstName;
    public String lastName;
    public String phone;
    public String company;
    public String jobTitle;
    public Integer companySize;
    public String industry;
    public String country;
    public String source;
    public String campaign;
    public String utmSource;
    public String utmMedium;
    public String utmCampaign;
    public String utmTerm;
    public String utmContent;
    public boolean consentMarketing;
    public String consentText;
    public String consentVersion;
    public String visitorId;
    @Convert(converter = StringMapConverter.class)
    @Column(name = "custom_fields")
    public Map<String, String> fields;
    @Column(nullable = false)
    public Instant createdAt;
    @Column(nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
    /** Set when the lead was erased; its personal fields are gone. */
    public Instant erasedAt;

    public static Uni<Lead> findByNormalizedEmail(String normalizedEmail) {
        return find("normalizedEmail", normalizedEmail).firstResult();
    }

    /**
     * The ids of the leads with these normalised e-mails, by e-mail; unknown e-mails are absent. Columns, not
     * entities: a batch of activities should not put hundreds of leads in the session for its flush to check.
     */
    public static Uni<Map<String, UUID>> idsByNormalizedEmail(Set<String> normalizedEmails) {
        if (normalizedEmails.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select l.normalizedEmail, l.id from Lead l where l.normalizedEmail in ?1", Object[].class)
                .setParameter(1, normalizedEmails)
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> (UUID) r[1])));
    }
}
