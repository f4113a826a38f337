package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceQualifiersTest {

    private static RawMention at(String text, EntityType type, String span, int from) {
        int start = text.indexOf(span, from);
        return new RawMention(type, span, start, start + span.length());
    }

    @Test
    void aNameQualifiedByAPlaceIsAPlaceInTheWholeArticle() {
        String text = "The mill stood in Tarnby, Norland. Later Tarnby grew; then Upper Hale, Norland, too.";
        List<RawMention> in = List.of(at(text, EntityType.PERSON, "Tarnby", 0), at(text, EntityType.LOCATION, "Norland", 0),
                at(text, EntityType.PERSON, "Tarnby", 30), at(text, EntityType.PERSON, "Upper Hale", 0),
                at(text, EntityType.LOCATION, "Norland", 60));
        assertThat(PlaceQualifiers.apply(text, in)).extracting(RawMention::type).containsExactly(EntityType.LOCATION,
                EntityType.LOCATION, EntityType.LOCATION, EntityType.PERSON, EntityType.LOCATION);
    }

    @Test
    void personsInResultListsOrWithTitlesOrRolesStayPersons() {
        String text = "Winners: Jan Tarn, Norland, 2:01; Mr Hale, Norland, 2:03; Tarn, Norland captain, scored.";
        List<RawMention> in = new ArrayList<>(List.of(at(text, EntityType.PERSON, "Jan Tarn", 0),
                at(text, EntityType.LOCATION, "Norland", 0), at(text, EntityType.PERSON, "Hale", 0),
                at(text, EntityType.LOCATION, "Norland", 40), at(text, EntityType.PERSON, "Tarn", 50),
                at(text, EntityType.LOCATION, "Norland", 60)));
        in.sort(java.util.Comparator.comparingInt(RawMention::start));
        assertThat(PlaceQualifiers.apply(text, in)).isEqualTo(in);
    }
}
