package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityKeysTest {

    @Test
    void slugsStripAccentsAndPunctuation() {
        assertThat(EntityKeys.slug("Recep Tayyip Erdoğan")).isEqualTo("recep-tayyip-erdogan");
        assertThat(EntityKeys.slug("  Côte d’Ivoire ")).isEqualTo("cote-d-ivoire");
        assertThat(EntityKeys.key(EntityType.ORGANIZATION, "Government of National Accord"))
                .isEqualTo("organization:government-of-national-accord");
        assertThat(EntityKeys.key(EntityType.LOCATION, "MOSCOW")).isEqualTo("location:moscow");
    }

    @Test
    void personKeysAreTransliterationTolerant() {
        assertThat(EntityKeys.key(EntityType.PERSON, "Khalifa Haftar")).isEqualTo("person:khalifa-haftar");
        assertThat(EntityKeys.key(EntityType.PERSON, "Sergei Shoigu")).isEqualTo(EntityKeys.key(EntityType.PERSON, "Sergey Shoygu"));
        assertThat(EntityKeys.key(EntityType.PERSON, "Dmitry Peskov")).isEqualTo(EntityKeys.key(EntityType.PERSON, "Dmitri Peskov"));
        assertThat(EntityKeys.key(EntityType.PERSON, "Yuri Ushakov")).isEqualTo(EntityKeys.key(EntityType.PERSON, "Yury Ushakov"));
        assertThat(EntityKeys.key(EntityType.PERSON, "Fayez al-Sarraj")).isEqualTo("person:fayez-sarraj");
        assertThat(EntityKeys.key(EntityType.PERSON, "Fayez Sarraj")).isEqualTo("person:fayez-sarraj");
        assertThat(EntityKeys.key(EntityType.PERSON, "Abdel Basset al Badri")).isEqualTo("person:abdel-basset-badri");
        // consonant y stays; a capitalised "Al" first name is a name
        assertThat(EntityKeys.normaliseY("maya")).isEqualTo("maya");
        assertThat(EntityKeys.normaliseY("kyiv")).isEqualTo("kyiv");
        assertThat(EntityKeys.key(EntityType.PERSON, "Al Gore")).isEqualTo("person:al-gore");
        // the rule is for persons only
        assertThat(EntityKeys.key(EntityType.ORGANIZATION, "Sergey Inc")).isEqualTo("organization:sergey-inc");
    }
}
