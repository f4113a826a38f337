package io.newsflow.eval.train;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import io.newsflow.eval.ner.ConllDocument;
import io.newsflow.eval.ner.ConllEval;
import io.newsflow.eval.ner.ConllReader;
import io.newsflow.eval.util.Prf;
import io.newsflow.eval.util.TextTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;

import static io.newsflow.eval.util.TextTable.fixed;
import static io.newsflow.eval.util.TextTable.num;
import static io.newsflow.eval.util.TextTable.pct;

/**
 * Trains a CoreNLP CRFClassifier NER model for one language from the shared training data, with the settings in
 * {@code io/newsflow/eval/ner/train-base.properties} and {@code train-LANG.properties}, and writes it where the
 * enrichment loads it from. With {@code --dev} it scores the model on a dev file (conlleval rules).
 */
@Command(name = "train-ner", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Trains the NER model of one language (CoreNLP CRFClassifier) on ../shared/train and writes it to "
                        + "enrichment/src/main/resources/io/newsflow/enrichment/ner/models/<model>.crf.ser.gz.",
                "Settings: eval/src/main/resources/io/newsflow/eval/ner/train-base.properties + train-LANG.properties."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:runtime failure", "2:usage error"})
public final class TrainNerCommand implements Callable<Integer> {

    static final String MODEL_DIR = "enrichment/src/main/resources/io/newsflow/enrichment/ner/models";
    private static final List<String> TYPES = List.of("PER", "ORG", "LOC", "MISC");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LANG", description = "the language: nl, es, it (one train-LANG.properties each)")
    String language;

    @Option(names = "--data", paramLabel = "DIR",
            description = "the training data folder (default: ../shared/train next to the repository root)")
    Path data;

    @Option(names = "--out", paramLabel = "FILE",
            description = "where to write the model (default: " + MODEL_DIR + "/<model>.crf.ser.gz in the repository)")
    Path modelFile;

    @Option(names = "--dev", paramLabel = "FILE",
            description = "a dev file (token<TAB>IOB2 tag) to score the model on: P/R/F1 per type and overall")
    Path dev;

    @Option(names = "--evaluate-only", description = "do not train: score the model already at --out on --dev")
    boolean evaluateOnly;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override one setting of the properties files, for experiments (repeatable)")
    Map<String, String> overrides = new LinkedHashMap<>();

    private final PrintStream out;

    public TrainNerCommand() {
        this(System.out);
    }

    TrainNerCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new TrainNerCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("train-ner: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return 1;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        NerTrainingConfig config;
        try {
            config = NerTrainingConfig.load(language, overrides);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Path root = repositoryRoot();
        Path model = modelFile != null ? modelFile : root.resolve(MODEL_DIR).resolve(config.model() + ".crf.ser.gz");
        if (evaluateOnly && dev == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--evaluate-only needs --dev FILE");
        }

        CRFClassifier<CoreLabel> crf;
        if (evaluateOnly) {
            crf = CRFClassifier.getClassifier(model.toFile());
        } else {
            Path trainFile = (data != null ? data : root.resolve("../shared/train")).resolve(config.trainFile()).normalize();
            if (!Files.isRegularFile(trainFile)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no training file at " + trainFile + " (use --data DIR)");
            }
            crf = train(config, trainFile, model);
        }
        if (dev != null) {
            evaluate(crf, config.labels(), ConllReader.read(dev));
        }
        return 0;
    }

    private CRFClassifier<CoreLabel> train(NerTrainingConfig config, Path trainFile, Path model) throws IOException {
        Path columns = Files.createTempFile("newsflow-ner-" + config.language() + "-", ".tsv");
        Path distSimFile = null;
        Path gazetteFile = null;
        try {
            List<ConllDocument> documents = ConllReader.read(trainFile);
            writeColumns(documents, config.labels(), columns);
            out.printf("Training %s from %s (%d documents, %d tokens, %s labels)%n", config.model(), trainFile,
                    documents.size(), documents.stream().mapToInt(ConllDocument::tokenCount).sum(), config.labels());
            Properties coreNlp = config.coreNlp();
            if (config.distSimFrom() != null) {
                distSimFile = Files.createTempFile("newsflow-distsim-" + config.language() + "-", ".txt");
                coreNlp = writeDistSimLexicon(config, documents, distSimFile);
            }
            if (config.gazetteFrom() != null) {
                gazetteFile = Files.createTempFile("newsflow-gazette-" + config.language() + "-", ".txt");
                coreNlp = writeGazetteer(config.gazetteFrom(), coreNlp, gazetteFile);
            }
            long start = System.nanoTime();
            CRFClassifier<CoreLabel> crf = new CRFClassifier<>(coreNlp);
            crf.train(columns.toString());
            double seconds = (System.nanoTime() - start) / 1e9;
            int before = crf.getNumWeights();
            int kept = CrfModelPruner.dropFlatFeatures(crf, config.pruneThreshold());
            Files.createDirectories(model.toAbsolutePath().getParent());
            crf.serializeClassifier(model.toString());
            out.printf("Trained in %s s; %s features kept (weights %s -> %s); wrote %s (%s bytes)%n", fixed(seconds, 0),
                    num(kept), num(before), num(crf.getNumWeights()), model, num(Files.size(model)));
            return crf;
        } finally {
            Files.deleteIfExists(columns);
            if (distSimFile != null) {
                Files.deleteIfExists(distSimFile);
            }
            if (gazetteFile != null) {
                Files.deleteIfExists(gazetteFile);
            }
        }
    }

    /**
     * Writes the word clusters of {@code newsflow.distSimFrom} (all, or only the training words) to {@code file} and
     * returns the CoreNLP settings that train with them. The trained model keeps the lexicon inside.
     */
    private Properties writeDistSimLexicon(NerTrainingConfig config, List<ConllDocument> documents, Path file)
            throws IOException {
        DistSimLexicon lexicon = DistSimLexicon.fromModel(config.distSimFrom());
        int all = lexicon.classes().size();
        if (config.distSimWords() == NerTrainingConfig.DistSimWords.TRAINING) {
            lexicon = lexicon.restrictedTo(trainingWords(documents));
        }
        lexicon.write(file);
        out.printf("Word clusters from %s: %s of its %s words (%s)%n", config.distSimFrom(),
                num(lexicon.classes().size()), num(all), config.distSimWords().name().toLowerCase(Locale.ROOT));
        return lexicon.trainingProperties(config.coreNlp(), file);
    }

    /** Writes the gazetteer of a stock model to {@code file}; returns the settings that train with it. */
    private Properties writeGazetteer(String stockModel, Properties coreNlp, Path file) throws IOException {
        Gazetteer gazetteer = Gazetteer.fromModel(stockModel);
        gazetteer.write(file);
        out.printf("Gazetteer from %s: %s entries%n", stockModel, num(gazetteer.entries().size()));
        return gazetteer.trainingProperties(coreNlp, file);
    }

    static Set<String> trainingWords(List<ConllDocument> documents) {
        Set<String> words = new HashSet<>();
        for (ConllDocument document : documents) {
            for (ConllDocument.Sentence sentence : document.sentences()) {
                words.addAll(sentence.tokens());
            }
        }
        return words;
    }

    /** CoreNLP's column format: token TAB label per line, a blank line after each sentence (one CRF document). */
    static void writeColumns(List<ConllDocument> documents, NerLabels.Scheme scheme, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ConllDocument document : documents) {
                for (ConllDocument.Sentence sentence : document.sentences()) {
                    for (int i = 0; i < sentence.tokens().size(); i++) {
                        w.write(sentence.tokens().get(i) + "\t" + NerLabels.toTrainingLabel(sentence.tags().get(i), scheme));
                        w.newLine();
                    }
                    w.newLine();
                }
            }
        }
    }

    /** Tags every dev sentence alone (as in training) and prints conlleval P/R/F1 against the gold IOB2 tags. */
    ConllEval evaluate(CRFClassifier<CoreLabel> crf, NerLabels.Scheme scheme, List<ConllDocument> documents) {
        ConllEval eval = new ConllEval();
        long start = System.nanoTime();
        int tokens = 0;
        for (ConllDocument document : documents) {
            for (ConllDocument.Sentence sentence : document.sentences()) {
                eval.add(sentence.tags(), NerLabels.toIob2(tag(crf, sentence.tokens()), scheme));
                tokens += sentence.tokens().size();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        TextTable table = new TextTable().header("type", "P", "R", "F1", "correct", "system", "gold");
        for (String type : TYPES) {
            Prf prf = eval.type(type);
            if (prf.gold() > 0 || prf.system() > 0) {
                table.row(type, pct(prf.precision()), pct(prf.recall()), pct(prf.f1()), num(prf.correct()),
                        num(prf.system()), num(prf.gold()));
            }
        }
        Prf all = eval.overall();
        table.rule().row("ALL", pct(all.precision()), pct(all.recall()), pct(all.f1()), num(all.correct()),
                num(all.system()), num(all.gold()));
        out.printf("%s: %d documents, %d tokens tagged in %s s%n", dev != null ? dev : "dev", documents.size(), tokens,
                fixed(seconds, 1));
        out.print(table.render());
        return eval;
    }

    static List<String> tag(CRFClassifier<CoreLabel> crf, List<String> tokens) {
        List<CoreLabel> sentence = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            CoreLabel label = new CoreLabel();
            label.setWord(token);
            label.setValue(token);
            label.setOriginalText(token);
            sentence.add(label);
        }
        List<String> labels = new ArrayList<>(tokens.size());
        for (CoreLabel label : crf.classifySentence(sentence)) {
            labels.add(label.get(CoreAnnotations.AnswerAnnotation.class));
        }
        return labels;
    }

    /**
     * The repository root: {@code -Dnewsflow.root} (./newsflow sets it), else the first folder up from the working
     * directory with pom.xml, enrichment/ and eval/.
     */
    static Path repositoryRoot() {
        String root = System.getProperty("newsflow.root");
        if (root != null && !root.isBlank()) {
            return Path.of(root).toAbsolutePath();
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("enrichment"))
                    && Files.isDirectory(dir.resolve("eval"))) {
                return dir;
            }
        }
        return cwd;
    }
}
