package io.newsflow.enrichment.linking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WikipediaIndexTest {

    @TempDir
    Path dir;

    @Test
    void looksUpTheTitleAndPriorOfAName() {
        WikipediaIndex index = TestDictionaries.index(dir,
                "U.S.\tUnited_States\t0.968166",
                "USA\tUnited_States\t0.947139",
                "Putin\tVladimir_Putin\t1.0");

        assertThat(index.lookup("U.S.")).hasValueSatisfying(c -> {
            assertThat(c.title()).isEqualTo("United_States");
            assertThat(c.prior()).isEqualTo(0.9682);
        });
        assertThat(index.lookup("Putin")).map(WikipediaIndex.Candidate::title).hasValue("Vladimir_Putin");
        assertThat(index.lookup("Haftar")).isEmpty();
        assertThat(index.lookup("u.s.")).isEmpty();
        assertThat(index.titleCount()).isEqualTo(2);
    }

    @Test
    void keepsNamesRelatedToTheirPageOrSeenWithSeveralPagesAndDropsNoise() {
        WikipediaIndex index = TestDictionaries.index(dir,
                "Washington\tWashington\t0.64665",
                "5.6%\tWashington\t1.0",                       // not a name
                "hipster doofus\t!!!\t1.0",                   // not a name
                "Evergreen State\tWashington\t1.0",           // seen once, unrelated to the title
                "America\tUnited_States\t0.606636",           // unrelated, but seen with several pages
                "NATO\tNorth_Atlantic_Treaty_Organization\t1.0", // initials
                "Mercury\tMercury_(disambiguation)\t0.5",     // not an article
                "Timberwolves\tList_of_Timberwolves\t1.0");   // not an article

        assertThat(index.lookup("Washington")).isPresent();
        assertThat(index.lookup("America")).map(WikipediaIndex.Candidate::title).hasValue("United_States");
        assertThat(index.lookup("NATO")).map(WikipediaIndex.Candidate::title).hasValue("North_Atlantic_Treaty_Organization");
        assertThat(index.lookup("5.6%")).isEmpty();
        assertThat(index.lookup("hipster doofus")).isEmpty();
        assertThat(index.lookup("Evergreen State")).isEmpty();
        assertThat(index.lookup("Mercury")).isEmpty();
        assertThat(index.lookup("Timberwolves")).isEmpty();
        assertThat(index.mentionCount()).isEqualTo(3);
    }

    @Test
    void findsThePagesOfOneNameWithAQualifier() {
        WikipediaIndex index = TestDictionaries.index(dir,
                "Georgia\tGeorgia_(U.S._state)\t0.539385",
                "Republic of Georgia\tGeorgia_(country)\t0.9",
                "Paris, Texas\tParis,_Texas\t0.99",
                "Paris\tParis\t0.94");

        assertThat(index.qualifiedTitles("Georgia")).containsExactlyInAnyOrder("Georgia_(U.S._state)", "Georgia_(country)");
        assertThat(index.qualifiedTitles("Paris")).containsExactly("Paris,_Texas");
        assertThat(index.qualifiedTitles("Texas")).isEmpty();
    }

    @Test
    void refusesAFileOfAnotherLayout() throws IOException {
        Path file = dir.resolve("old.idx");
        Files.write(file, new byte[64]);

        assertThatThrownBy(() -> WikipediaIndex.open(file)).isInstanceOf(IOException.class);
    }

    @Test
    void linkingOffNeitherBuildsNorOpensTheIndex() {
        Path file = dir.resolve("cache").resolve("links.idx");

        assertThat(new WikipediaLinking(false, file).load()).isEmpty();
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void anIndexAlreadyThereIsOpenedAsItIs() throws IOException {
        Path built = TestDictionaries.file(dir, "U.S.\tUnited_States\t0.968166");
        long size = Files.size(built);
        var modified = Files.getLastModifiedTime(built);

        assertThat(new WikipediaLinking(true, built).load()).isPresent();
        assertThat(Files.size(built)).isEqualTo(size);
        assertThat(Files.getLastModifiedTime(built)).isEqualTo(modified);
    }
}
