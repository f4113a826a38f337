package io.newsflow.enrichment.dates;

import edu.stanford.nlp.ie.NumberNormalizer;
import edu.stanford.nlp.ie.regexp.NumberSequenceClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.tokensregex.CoreMapExpressionExtractor;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchRules;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchRules.AnnotationExtractRule;
import edu.stanford.nlp.ling.tokensregex.SequencePattern;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.ling.tokensregex.parser.TokenSequenceParser;
import edu.stanford.nlp.time.GenericTimeExpressionPatterns;
import edu.stanford.nlp.time.Options;
import edu.stanford.nlp.time.SUTime;
import edu.stanford.nlp.time.TimeExpression;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import io.newsflow.enrichment.Sentences;
import io.newsflow.enrichment.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** SUTime's rules behind a pre-test: skipped where a node pattern they need matches no token, and nothing else changes. */
class RulePretestTest {

    private static final List<String> RULE_FILES = List.of(Options.languageToRulesFiles.get("english").split(","));

    private static List<String> words(List<NodePattern<CoreMap>> nodes, String... candidates) {
        List<String> matched = new ArrayList<>();
        for (String word : candidates) {
            CoreMap token = TestTokens.of(word).get(0);
            if (nodes.stream().anyMatch(node -> node.match(token))) {
                matched.add(word);
            }
        }
        return matched;
    }

    private static List<NodePattern<CoreMap>> required(String pattern) {
        return RulePretest.requiredNodes(TokenSequencePattern.compile(pattern));
    }

    @Test
    void theRequiredNodePatternsAreThoseOnEveryPathToAMatch() {
        // optional and alternative parts are not required, what follows them is
        assertThat(words(required("/the/? /first/ /week/ /of/ [{word:/\\d+/}]"), "the", "first", "week", "of", "2019"))
                .containsExactly("first", "week", "of", "2019");
        assertThat(words(required("(/early/ | /late/) /in/? /May/"), "early", "late", "in", "May")).containsExactly("May");
        assertThat(words(required("/a/* /b/+ /c/{0,3} /d/{2,4} /e/{1,9}"), "a", "b", "c", "d", "e"))
                .containsExactly("b", "d");
        assertThat(words(required("/a/ []{0,2} /b/"), "a", "b", "x")).containsExactly("a", "b");
        // "any token" needs no test
        assertThat(required("[] /b/")).hasSize(1);
    }

    @Test
    void theFirstNodePatternsAreThoseAMatchCanStartWith() {
        assertThat(words(RulePretest.firstNodes(TokenSequencePattern.compile("(/early/ | /late/) /in/? /May/")),
                "early", "late", "in", "May")).containsExactly("early", "late");
        assertThat(words(RulePretest.firstNodes(TokenSequencePattern.compile("/the/? /week/ /of/")), "the", "week", "of"))
                .containsExactly("the", "week");
        // a match that can consume nothing, start with any token, or with a repetition gives no test
        assertThat(RulePretest.firstNodes(TokenSequencePattern.compile("/a/? /b/?"))).isEmpty();
        assertThat(RulePretest.firstNodes(TokenSequencePattern.compile("[] /b/"))).isEmpty();
        assertThat(RulePretest.firstNodes(TokenSequencePattern.compile("/a/{6,9} /b/"))).isEmpty();
    }

    @Test
    void everyNodePatternCoreNlpsOwnTriggerRequiresIsRequiredToo() {
        List<SequencePattern<CoreMap>> patterns = sutimeRulePatterns();

        assertThat(patterns).hasSizeGreaterThan(200);
        for (SequencePattern<CoreMap> pattern : patterns) {
            List<NodePattern<CoreMap>> required = RulePretest.requiredNodes(pattern);
            for (NodePattern<CoreMap> node : pattern.findNodePatterns(Function.identity(), false, false)) {
                assertThat(node == NodePattern.ANY_NODE || required.stream().anyMatch(r -> r == node))
                        .as("%s in %s", node, pattern).isTrue();
            }
        }
    }

    @Test
    void aTokenRuleIsSkippedWhereAWordItNeedsIsMissingAndRunsWhereItIsThere() {
        Env env = TokenSequencePattern.getNewEnv();
        AtomicInteger matcherRuns = new AtomicInteger();
        AnnotationExtractRule<CoreMap, MatchedExpression> rule = new AnnotationExtractRule<>();
        rule.ruleType = SequenceMatchRules.TOKEN_PATTERN_RULE_TYPE;
        rule.pattern = TokenSequencePattern.compile("/the/? /fortnight/ /ago/");
        rule.annotationField = CoreAnnotations.TokensAnnotation.class;
        rule.extractRule = new SequenceMatchRules.CoreMapExtractRule<>(env, CoreAnnotations.TokensAnnotation.class,
                (List<CoreMap> tokens, List<MatchedExpression> out) -> {
                    matcherRuns.incrementAndGet();
                    return false;
                });

        assertThat(RulePretest.wrap(rule)).isTrue();
        assertThat(RulePretest.wrap(rule)).as("wrapped once").isFalse();

        assertThat(rule.extract(window("it ended a fortnight later"), new ArrayList<>())).isFalse();
        assertThat(matcherRuns).hasValue(0);
        rule.extract(window("it ended a fortnight ago"), new ArrayList<>());
        assertThat(matcherRuns).hasValue(1);
    }

    @Test
    void aRuleWithAlternativesIsSkippedWhereNoneOfItsFirstWordsIsThere() {
        AtomicInteger matcherRuns = new AtomicInteger();
        AnnotationExtractRule<CoreMap, MatchedExpression> rule = new AnnotationExtractRule<>();
        rule.ruleType = SequenceMatchRules.TOKEN_PATTERN_RULE_TYPE;
        rule.pattern = TokenSequencePattern.compile("/late/ | /end/");
        rule.annotationField = CoreAnnotations.TokensAnnotation.class;
        rule.extractRule = new SequenceMatchRules.CoreMapExtractRule<>(TokenSequencePattern.getNewEnv(),
                CoreAnnotations.TokensAnnotation.class, (List<CoreMap> tokens, List<MatchedExpression> out) -> {
                    matcherRuns.incrementAndGet();
                    return false;
                });

        assertThat(RulePretest.wrap(rule)).isTrue();
        rule.extract(window("it came early in May"), new ArrayList<>());
        assertThat(matcherRuns).hasValue(0);
        rule.extract(window("at the end of May"), new ArrayList<>());
        assertThat(matcherRuns).hasValue(1);
    }

    @Test
    void rulesWithoutAnyTestAndTextRulesAreLeftAlone() {
        AnnotationExtractRule<CoreMap, MatchedExpression> optional = new AnnotationExtractRule<>();
        optional.ruleType = SequenceMatchRules.TOKEN_PATTERN_RULE_TYPE;
        optional.pattern = TokenSequencePattern.compile("/early/? /late/?");
        optional.annotationField = CoreAnnotations.TokensAnnotation.class;
        optional.extractRule = new SequenceMatchRules.CoreMapExtractRule<>(TokenSequencePattern.getNewEnv(),
                CoreAnnotations.TokensAnnotation.class, (List<CoreMap> tokens, List<MatchedExpression> out) -> false);
        AnnotationExtractRule<CoreMap, MatchedExpression> text = new AnnotationExtractRule<>();
        text.ruleType = SequenceMatchRules.TEXT_PATTERN_RULE_TYPE;
        text.pattern = java.util.regex.Pattern.compile("\\d{4}");

        assertThat(RulePretest.wrap(optional)).isFalse();
        assertThat(RulePretest.wrap(text)).isFalse();
    }

    @Test
    void sutimeFindsTheSameExpressionsWithAndWithoutPretests() {
        CoreMapExpressionExtractor<MatchedExpression> stock = sutime().createExtractor();
        CoreMapExpressionExtractor<MatchedExpression> pretested = RulePretest.sutimeExtractor(sutime(), RULE_FILES);
        Sentences sentences = new Sentences();
        List<String> texts = List.of(
                "The treaty was signed on 22 September 2016 in Brussels and took effect on 1/1/2017.",
                "Sales fell last year and rose two weeks ago, the firm said on Tuesday at 3 p.m. GMT.",
                "The band, formed in the 1990s, played for three hours every Friday night in the summer of '89.",
                "He was born on May 5th, 1970, and died in the early hours of Christmas Day 2019.",
                "The 12-week course runs twice a year, from 9:30 am to noon, starting next month.",
                "A decade ago, 40 people were hurt and 3 of the 500 delegates left the 737 at gate 12.",
                "The company's fourth quarter ends on the last Friday of December; annual results follow in mid-February.",
                "She will be back within the next few days, probably by the weekend or early next week.",
                "The talks lasted 18 months, and the first half of 2020 was quieter than the 19th century.",
                "No time at all: the 24 ministers met 7 envoys in room 101.");
        int expressions = 0;
        for (String text : texts) {
            for (CoreMap sentence : sentences.split(text)) {
                List<String> expected = found(stock, annotation(sentence));
                assertThat(found(pretested, annotation(sentence))).as(text).isEqualTo(expected);
                expressions += expected.size();
            }
        }
        assertThat(expressions).isGreaterThan(20);
    }

    /** What an extractor finds in a sentence: each expression's characters, text and SUTime value. */
    private static List<String> found(CoreMapExpressionExtractor<MatchedExpression> extractor, CoreMap annotation) {
        List<String> found = new ArrayList<>();
        for (MatchedExpression matched : extractor.extractExpressions(annotation)) {
            TimeExpression expression = matched.getAnnotation().get(TimeExpression.Annotation.class);
            SUTime.Temporal temporal = expression == null ? null : expression.getTemporal();
            found.add(matched.getCharOffsets() + " " + matched.getText() + " = "
                    + (temporal == null ? null : temporal + " " + temporal.getTimexType()));
        }
        return found;
    }

    /** A sentence with fresh tokens, prepared for SUTime's rules as DateTagger prepares a window. */
    private static CoreMap annotation(CoreMap sentence) {
        CoreMap copy = new ArrayCoreMap();
        List<edu.stanford.nlp.ling.CoreLabel> tokens = new ArrayList<>();
        for (edu.stanford.nlp.ling.CoreLabel token : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
            tokens.add(new edu.stanford.nlp.ling.CoreLabel(token));
        }
        copy.set(CoreAnnotations.TokensAnnotation.class, tokens);
        copy.set(CoreAnnotations.TextAnnotation.class, sentence.get(CoreAnnotations.TextAnnotation.class));
        copy.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class));
        copy.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class));
        CoreMap aligned = NumberSequenceClassifier.alignSentence(copy);
        aligned.set(CoreAnnotations.NumerizedTokensAnnotation.class, NumberNormalizer.findAndMergeNumbers(aligned));
        return aligned;
    }

    private static CoreMap window(String spaced) {
        CoreMap window = new ArrayCoreMap();
        window.set(CoreAnnotations.TokensAnnotation.class, TestTokens.of(spaced));
        return window;
    }

    private static GenericTimeExpressionPatterns sutime() {
        Properties properties = new Properties();
        properties.setProperty("sutime.rules", String.join(",", RULE_FILES));
        return new GenericTimeExpressionPatterns(new Options("sutime", properties));
    }

    /** The patterns of SUTime's sequence rules, as its rule files define them. */
    @SuppressWarnings("unchecked")
    private static List<SequencePattern<CoreMap>> sutimeRulePatterns() {
        List<SequencePattern<CoreMap>> patterns = new ArrayList<>();
        CoreMapExpressionExtractor<MatchedExpression> collector = new CoreMapExpressionExtractor<>(RulePretest.sutimeEnv(sutime())) {
            @Override
            public void appendRules(List<SequenceMatchRules.Rule> rules) {
                for (SequenceMatchRules.Rule rule : rules) {
                    if (rule instanceof AnnotationExtractRule<?, ?> extract && extract.pattern instanceof SequencePattern<?> pattern) {
                        patterns.add((SequencePattern<CoreMap>) pattern);
                    }
                }
                super.appendRules(rules);
            }
        };
        for (String file : RULE_FILES) {
            try (BufferedReader reader = edu.stanford.nlp.io.IOUtils.readerFromString(file)) {
                new TokenSequenceParser().updateExpressionExtractor(collector, reader);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return patterns;
    }
}
