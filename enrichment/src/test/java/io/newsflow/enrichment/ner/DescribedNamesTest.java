package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class DescribedNamesTest {

    private static List<RawMention> all(String text, EntityType type, String name) {
        List<RawMention> out = new ArrayList<>();
        for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
            out.add(new RawMention(type, name, i, i + name.length()));
        }
        return out;
    }

    @Test
    void aNounBeforeTheNameMakesItAnOrganisationInTheWholeArticle() {
        String text = "Fans of the band Tarn Street queued. Later Tarn Street played two songs.";
        assertThat(DescribedNames.apply(text, all(text, EntityType.LOCATION, "Tarn Street")))
                .extracting(RawMention::type).containsExactly(EntityType.ORGANIZATION, EntityType.ORGANIZATION);
    }

    @Test
    void anAppositionOrADefinitionAfterTheName() {
        String text = "Bluefin, a Norland-based retailer, grew. Tarn Street is an alternative rock band from Redhill.";
        List<RawMention> in = new ArrayList<>(all(text, EntityType.PERSON, "Bluefin"));
        in.addAll(all(text, EntityType.LOCATION, "Tarn Street"));
        assertThat(DescribedNames.apply(text, in)).extracting(RawMention::type, RawMention::text).containsExactly(
                tuple(EntityType.ORGANIZATION, "Bluefin"), tuple(EntityType.ORGANIZATION, "Tarn Street"));
    }

    @Test
    void foundedOrHeadquarteredNamesAreOrganisationsButFoundedTownsStayPlaces() {
        String text = "Bluefin was founded in 1920. Tarnby is a Norland chain of bakeries. Redhill was founded in 1200.";
        List<RawMention> in = new ArrayList<>(all(text, EntityType.PERSON, "Bluefin"));
        in.addAll(all(text, EntityType.PERSON, "Tarnby"));
        in.addAll(all(text, EntityType.LOCATION, "Redhill"));
        assertThat(DescribedNames.apply(text, in)).extracting(RawMention::type).containsExactly(
                EntityType.ORGANIZATION, EntityType.ORGANIZATION, EntityType.LOCATION);
    }

    @Test
    void languagesAndPeoplesAreMisc() {
        String text = "Tarnic is an endangered language spoken in Norland. The Redhic people speak Tarnic, not Greywater.";
        List<RawMention> in = new ArrayList<>(all(text, EntityType.LOCATION, "Tarnic"));
        in.addAll(all(text, EntityType.LOCATION, "Redhic"));
        in.addAll(all(text, EntityType.LOCATION, "Greywater"));
        in.sort(java.util.Comparator.comparingInt(RawMention::start));
        assertThat(DescribedNames.apply(text, in)).extracting(RawMention::type, RawMention::text).containsExactly(
                tuple(EntityType.MISC, "Tarnic"), tuple(EntityType.MISC, "Redhic"), tuple(EntityType.MISC, "Tarnic"),
                tuple(EntityType.LOCATION, "Greywater"));
    }

    @Test
    void aPersonDescribedByRoleOrMembershipStaysAPerson() {
        String text = "Jane Doe, a company spokeswoman, and Sam Lee, a member of the band, spoke. Sam Lee is a team leader "
                + "and second team Jane Doe scored.";
        List<RawMention> in = new ArrayList<>(all(text, EntityType.PERSON, "Jane Doe"));
        in.addAll(all(text, EntityType.PERSON, "Sam Lee"));
        assertThat(DescribedNames.apply(text, in)).isEqualTo(in);
    }
}
