package io.newsflow.eval.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityReaderTest {

    private static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <wikipediaData.entityAnnotation>
            \t<document docName="Doc_one">
            \t\t<annotation><mention>Gamma</mention><wikiName>Gamma_Ray</wikiName><offset>4</offset><length>5</length></annotation>
            \t\t<annotation><mention>Acme &amp; Co</mention><wikiName>NIL</wikiName><offset>14</offset><length>9</length></annotation>
            \t</document>
            \t<document docName="Doc_two">
            \t\t<annotation><mention>Beta</mention><wikiName>Beta</wikiName><offset>0</offset><length>4</length></annotation>
            \t</document>
            </wikipediaData.entityAnnotation>
            """;

    private static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("RawText"));
        Files.writeString(dir.resolve("wikipedia.xml"), XML);
        // the emoji is two UTF-16 units but one code point: the XML's offsets count code points
        Files.writeString(dir.resolve("RawText/Doc_one"), "\uD83D\uDE00 a Gamma and Acme & Co.");
        Files.writeString(dir.resolve("RawText/Doc_two"), "Beta.");
        return dir;
    }

    @Test
    void readsMentionsAtUtf16OffsetsWithNormalisedTitles(@TempDir Path tmp) throws IOException {
        List<IdentityDocument> docs = IdentityReader.read(write(tmp), 0);
        assertThat(docs).extracting(IdentityDocument::id).containsExactly("Doc_one", "Doc_two");
        IdentityDocument one = docs.get(0);
        assertThat(one.mentions()).containsExactly(
                new IdentityDocument.GoldMention(5, 10, "Gamma", "Gamma Ray"),
                new IdentityDocument.GoldMention(15, 24, "Acme & Co", null));
    }

    @Test
    void limitKeepsTheFirstDocuments(@TempDir Path tmp) throws IOException {
        assertThat(IdentityReader.read(write(tmp), 1)).hasSize(1);
    }

    @Test
    void anAnnotationOutsideTheTextIsAnError(@TempDir Path tmp) throws IOException {
        write(tmp);
        Files.writeString(tmp.resolve("RawText/Doc_two"), "Be");
        assertThatThrownBy(() -> IdentityReader.read(tmp, 0)).hasMessageContaining("Doc_two");
    }

    @Test
    void aMissingSetIsAnError(@TempDir Path tmp) {
        assertThatThrownBy(() -> IdentityReader.read(tmp, 0)).hasMessageContaining("no identity set");
    }
}
