package io.newsflow.eval.ner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the shared NER files: {@code token<TAB>tag} per line, a blank line after every sentence, and a line with
 * only {@code -DOCSTART-} (no tag column) before every document.
 */
public final class ConllReader {

    private static final String DOCSTART = "-DOCSTART-";

    private ConllReader() {
    }

    /** The documents of one file, in the language its name says ({@link ConllDocument#languageOfSet}). */
    public static List<ConllDocument> read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.conll$", "");
        return parse(Files.readString(file, StandardCharsets.UTF_8), name, ConllDocument.languageOfSet(name));
    }

    /** Documents of unknown language. */
    public static List<ConllDocument> parse(String content, String prefix) {
        return parse(content, prefix, null);
    }

    /**
     * @param prefix   document ids are {@code prefix#1}, {@code prefix#2}... in file order
     * @param language the documents' language (ISO 639-1), or null
     */
    public static List<ConllDocument> parse(String content, String prefix, String language) {
        List<ConllDocument> documents = new ArrayList<>();
        List<ConllDocument.Sentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        boolean started = false;
        int lineNumber = 0;
        for (String raw : content.split("\r?\n", -1)) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty()) {
                endSentence(sentences, tokens, tags);
                continue;
            }
            String[] fields = line.split("\t");
            if (fields[0].equals(DOCSTART)) {
                endSentence(sentences, tokens, tags);
                if (started) {
                    documents.add(new ConllDocument(prefix + "#" + (documents.size() + 1), sentences, language));
                }
                sentences = new ArrayList<>();
                started = true;
                continue;
            }
            if (fields.length < 2) {
                fields = line.split("\\s+");
            }
            if (fields.length < 2) {
                throw new IllegalArgumentException(prefix + " line " + lineNumber + ": expected token<TAB>tag: " + raw);
            }
            tokens.add(fields[0]);
            tags.add(fields[fields.length - 1]);
            started = true;
        }
        endSentence(sentences, tokens, tags);
        if (started && !sentences.isEmpty()) {
            documents.add(new ConllDocument(prefix + "#" + (documents.size() + 1), sentences, language));
        }
        return documents;
    }

    private static void endSentence(List<ConllDocument.Sentence> sentences, List<String> tokens, List<String> tags) {
        if (!tokens.isEmpty()) {
            sentences.add(new ConllDocument.Sentence(tokens, tags));
            tokens.clear();
            tags.clear();
        }
    }
}
