package io.newsflow.enrichment.dates;

import edu.stanford.nlp.io.IOUtils;
import edu.stanford.nlp.ling.tokensregex.CoreMapExpressionExtractor;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchRules;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchRules.AnnotationExtractRule;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchRules.ExtractRule;
import edu.stanford.nlp.ling.tokensregex.SequencePattern;
import edu.stanford.nlp.ling.tokensregex.parser.TokenSequenceParser;
import edu.stanford.nlp.time.GenericTimeExpressionPatterns;
import edu.stanford.nlp.util.CoreMap;

import java.io.BufferedReader;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Skips a TokensRegex token rule on tokens where it cannot match, with exactly the rule's output everywhere else.
 *
 * <p>SUTime's cost is its sequence rules: each tries every start position of the tokens, and each attempt builds the
 * matcher's branch states (hash maps) even when the first token already fails. Most rules need some token to match
 * a given node pattern ("/years?/", a month name): every match of the rule consumes one token with each of the node
 * patterns {@link SequencePattern#findNodePatterns findNodePatterns(f, false, false)} returns, as CoreNLP's own
 * {@code CoreMapNodePatternTrigger} relies on. That call walks the rule's automaton from its start only through states
 * with a single next state and leaves out optional states, so what it finds lies on every path to a match. When one
 * of those node patterns matches no token of the list the rule's matcher would read, the rule cannot fire there and
 * its matcher is not built; otherwise the rule runs as before.
 *
 * <p>Only plain token rules are wrapped: not composite rules (they match the merged expressions of a stage), text
 * rules, filters, or rules with several patterns. Each rule tests its own node patterns on the tokens as they are
 * when it runs, with the same call its matcher makes ({@code match}, or {@code matchWithResult} for rules that keep
 * match results), so tags that earlier rules left on the tokens are seen exactly as the matcher would see them.
 */
final class RulePretest<T extends MatchedExpression> implements ExtractRule<CoreMap, T> {

    private final Class<?> tokensKey;
    private final List<NodePattern<CoreMap>> required;
    private final boolean matchWithResult;
    private final ExtractRule<CoreMap, T> rule;

    private RulePretest(Class<?> tokensKey, List<NodePattern<CoreMap>> required, boolean matchWithResult, ExtractRule<CoreMap, T> rule) {
        this.tokensKey = tokensKey;
        this.required = required;
        this.matchWithResult = matchWithResult;
        this.rule = rule;
    }

    /**
     * SUTime's extractor over its rule files, as {@link GenericTimeExpressionPatterns#createExtractor()} builds it
     * ({@code CoreMapExpressionExtractor.createExtractorFromFiles}), with each token rule behind a pre-test.
     */
    static CoreMapExpressionExtractor<MatchedExpression> sutimeExtractor(GenericTimeExpressionPatterns patterns, List<String> ruleFiles) {
        CoreMapExpressionExtractor<MatchedExpression> extractor = new CoreMapExpressionExtractor<>(sutimeEnv(patterns)) {
            @Override
            public void appendRules(List<SequenceMatchRules.Rule> rules) {
                rules.forEach(RulePretest::wrap);
                super.appendRules(rules);
            }
        };
        for (String file : ruleFiles) {
            try (BufferedReader reader = IOUtils.readerFromString(file)) {
                new TokenSequenceParser().updateExpressionExtractor(extractor, reader);
            } catch (Exception e) {
                throw new IllegalStateException("SUTime's rules could not be read: " + file, e);
            }
        }
        return extractor;
    }

    /**
     * The environment SUTime's rules are parsed in (its variables, defaults and the holiday binder). It is built by
     * {@code GenericTimeExpressionPatterns}'s private {@code initEnv} and only handed to its own {@code createExtractor},
     * which gives no way in for the pre-test: hence the one reflective read of the package-private field.
     */
    private static Env sutimeEnv(GenericTimeExpressionPatterns patterns) {
        try {
            Field env = GenericTimeExpressionPatterns.class.getDeclaredField("env");
            env.setAccessible(true);
            return (Env) env.get(patterns);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SUTime's rule environment is not where CoreNLP 4.5.10 keeps it", e);
        }
    }

    /**
     * Puts a pre-test in front of a plain token rule that needs at least one node pattern; any other rule is left
     * untouched.
     *
     * @return whether the rule was wrapped
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean wrap(SequenceMatchRules.Rule candidate) {
        if (!(candidate instanceof AnnotationExtractRule rule)
                || rule.isComposite
                || !SequenceMatchRules.TOKEN_PATTERN_RULE_TYPE.equals(rule.ruleType)
                || !(rule.pattern instanceof SequencePattern<?> pattern)
                || !(rule.extractRule instanceof SequenceMatchRules.CoreMapExtractRule)
                || rule.annotationField == null
                || rule.extractRule instanceof RulePretest) {
            return false;
        }
        List<NodePattern<CoreMap>> required = requiredNodes((SequencePattern<CoreMap>) pattern);
        if (required.isEmpty()) {
            return false;
        }
        // the token rule's matcher reads in.get(annotationField) (TokenPatternExtractRuleCreator sets it to the tokens key)
        rule.extractRule = new RulePretest(rule.annotationField, required, rule.matchWithResults, rule.extractRule);
        return true;
    }

    /** The node patterns every match of the pattern consumes a token with, each once, leaving out "any token". */
    static List<NodePattern<CoreMap>> requiredNodes(SequencePattern<CoreMap> pattern) {
        List<NodePattern<CoreMap>> required = new ArrayList<>();
        for (NodePattern<CoreMap> node : pattern.findNodePatterns(Function.identity(), false, false)) {
            if (node != NodePattern.ANY_NODE && required.stream().noneMatch(seen -> seen == node)) {
                required.add(node);
            }
        }
        return List.copyOf(required);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public boolean extract(CoreMap in, List<T> out) {
        return mayMatch(in.get((Class) tokensKey)) && rule.extract(in, out);
    }

    /** False only when some required node pattern matches none of the tokens. */
    @SuppressWarnings("unchecked")
    boolean mayMatch(Object tokens) {
        if (!(tokens instanceof List<?> list)) {
            return true; // not a token list: leave it to the rule
        }
        try {
            for (NodePattern<CoreMap> node : required) {
                if (!anyMatches(node, (List<? extends CoreMap>) list)) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return true; // the matcher would meet the same tokens: let it decide
        }
    }

    /** As SequencePattern's NodePatternState tests a token. */
    private boolean anyMatches(NodePattern<CoreMap> node, List<? extends CoreMap> tokens) {
        for (CoreMap token : tokens) {
            boolean matches = matchWithResult ? node.matchWithResult(token) != null : token != null && node.match(token);
            if (matches) {
                return true;
            }
        }
        return false;
    }
}
