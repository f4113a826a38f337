package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The NER of one language, as data: which CRF models, how to tokenize for them, how their labels map to the
 * contract's types, and which of our rules follow. {@code LanguageProfile} holds one per language; the pipeline
 * code is the same for all of them.
 *
 * @param name              what {@code enrichment.extractors} calls it ("ner:" + name)
 * @param crfs              CRF classifiers (classpath resources, or paths relative to a models directory), first wins
 * @param tokenizer         CoreNLP tokenizer properties ({@code tokenize.language}, {@code segment.*}...), as the
 *                          {@code StanfordCoreNLP-<language>.properties} of the models jar sets them
 * @param tokenizerFiles    keys of {@code tokenizer} whose values are model files (resolved like the CRFs)
 * @param labels            the models' labels (without B-/I-) -> contract type; other labels are dropped
 * @param rules             the rules that follow the CRF, in {@link Rule}'s order
 * @param capitalisedNames  names start with a capital letter in this script: sentences without one skip the CRF
 */
public record NerModel(String name, List<String> crfs, Map<String, String> tokenizer, List<String> tokenizerFiles,
                       Map<String, EntityType> labels, Set<Rule> rules, boolean capitalisedNames) {

    /** Rules on the CRF's mentions, applied in this order. */
    public enum Rule {
        /** NamePatterns, DescribedNames, PlaceQualifiers, AcronymDefinitions: English patterns, English only. */
        ENGLISH_NAMES,
        /** {@link CountryNames}: a country tagged as an organization is the place, one key per country. */
        COUNTRIES_AS_PLACES,
        /**
         * {@link MentionPropagation}: a name found once is tagged at its other occurrences. Measured on the German and
         * Spanish dev sets it changes F1 by less than 0.1, so only English keeps it.
         */
        PROPAGATION
    }

    /** PER/PERSON, ORG/ORGANIZATION, LOC/LOCATION, MISC: the label sets of CoreNLP's and CoNLL-style models. */
    public static final Map<String, EntityType> STANDARD_LABELS = Map.of(
            "PERSON", EntityType.PERSON, "PER", EntityType.PERSON,
            "ORGANIZATION", EntityType.ORGANIZATION, "ORG", EntityType.ORGANIZATION,
            "LOCATION", EntityType.LOCATION, "LOC", EntityType.LOCATION,
            "MISC", EntityType.MISC);

    /** The environment variable naming the directory that language packs were unpacked into. */
    public static final String MODELS_DIR_ENV = "NEWSFLOW_ENRICH_MODELS_DIR";

    public NerModel {
        crfs = List.copyOf(crfs);
        tokenizer = Map.copyOf(tokenizer);
        tokenizerFiles = List.copyOf(tokenizerFiles);
        labels = Map.copyOf(labels);
        rules = rules.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rules));
        if (crfs.isEmpty()) {
            throw new IllegalArgumentException("no CRF model for " + name);
        }
    }

    /** The model files, CRFs first: what must be found for this NER to run. */
    public List<String> files() {
        List<String> files = new ArrayList<>(crfs);
        tokenizerFiles.forEach(key -> files.add(tokenizer.get(key)));
        return files;
    }

    /**
     * Where the model files are: all on the classpath (the models jars of the default build), else all under
     * {@code modelsDir} (a language pack unpacked there: CoreNLP reads file-system paths as well); empty when
     * neither has all of them.
     */
    public Optional<Located> locate(Path modelsDir) {
        if (files().stream().allMatch(NerModel::onClasspath)) {
            return Optional.of(new Located(this, crfs, tokenizerProperties(null)));
        }
        if (modelsDir != null && files().stream().allMatch(file -> Files.exists(modelsDir.resolve(file)))) {
            List<String> paths = crfs.stream().map(crf -> modelsDir.resolve(crf).toString()).toList();
            return Optional.of(new Located(this, paths, tokenizerProperties(modelsDir)));
        }
        return Optional.empty();
    }

    private Properties tokenizerProperties(Path modelsDir) {
        Properties properties = new Properties();
        Map<String, String> values = new LinkedHashMap<>(tokenizer);
        if (modelsDir != null) {
            tokenizerFiles.forEach(key -> values.put(key, modelsDir.resolve(values.get(key)).toString()));
        }
        properties.putAll(values);
        return properties;
    }

    private static boolean onClasspath(String resource) {
        return NerModel.class.getClassLoader().getResource(resource) != null;
    }

    /** The models directory of the environment ({@value #MODELS_DIR_ENV}), or null. */
    public static Path modelsDirFromEnvironment() {
        String dir = System.getenv(MODELS_DIR_ENV);
        return dir == null || dir.isBlank() ? null : Path.of(dir.strip());
    }

    /**
     * A model whose files were found.
     *
     * @param crfLocations the CRFs as CRFClassifier loads them (classpath resource or file path)
     * @param tokenizer    the tokenizer properties, file values resolved
     */
    public record Located(NerModel model, List<String> crfLocations, Properties tokenizer) {
    }
}
