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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Skips a TokensRegex rule of SUTime on tokens where it cannot match, with exactly the rule's output everywhere else.
 *
 * <p>SUTime's cost is its sequence rules: each tries every start position of the tokens, and each attempt builds the
 * matcher's branch states (hash maps) even when the first token already fails. Most rules need some token to match
 * a given node pattern ("/years?/", a month name, "a time expression found earlier"): every match of the rule
 * consumes one token with each node pattern on every path through the rule's automaton ({@link #requiredNodes}).
 * When one of those node patterns matches no token of the list the rule's matcher would read, the rule cannot fire
 * there and its matcher is not built; otherwise the rule runs as before. CoreNLP relies on the same reasoning for its
 * {@code CoreMapNodePatternTrigger}, with fewer node patterns ({@code findNodePatterns(f, false, false)}). A rule
 * without such a node pattern ("/late/ | /end/") is tested on the node patterns it can start a match with
 * ({@link #firstNodes}): one of them must match a token.
 *
 * <p>Wrapped are token rules (the matcher reads the tokens under the rule's {@code annotationField}) and composite
 * rules (it reads the stage's tokens with the expressions found so far merged, which the rule gets as its input);
 * not text rules, filters, or rules with several patterns. Each rule tests its own node patterns on its list as it
 * is when the rule runs, with the call its matcher makes ({@code match}, or {@code matchWithResult} for rules that
 * keep match results), so tags and values that earlier rules left on the tokens are seen exactly as the matcher
 * would see them; nothing is remembered between rules or calls.
 */
final class RulePretest<I, T extends MatchedExpression> implements ExtractRule<I, T> {

    /** Where the rule's matcher finds its tokens in the rule's input; null when the input is the token list itself. */
    private final Class<?> tokensKey;
    /** Node patterns that each must match some token. */
    private final List<NodePattern<CoreMap>> required;
    /** Node patterns one of which must match some token (the rule's possible first tokens); empty: no such test. */
    private final List<NodePattern<CoreMap>> firstNodes;
    private final boolean matchWithResult;
    private final ExtractRule<I, T> rule;

    private RulePretest(Class<?> tokensKey, List<NodePattern<CoreMap>> required, List<NodePattern<CoreMap>> firstNodes,
                        boolean matchWithResult, ExtractRule<I, T> rule) {
        this.tokensKey = tokensKey;
        this.required = required;
        this.firstNodes = firstNodes;
        this.matchWithResult = matchWithResult;
        this.rule = rule;
    }

    /**
     * SUTime's extractor over its rule files, as {@link GenericTimeExpressionPatterns#createExtractor()} builds it
     * ({@code CoreMapExpressionExtractor.createExtractorFromFiles}), with each token and composite rule behind a pre-test.
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

    /** The environment SUTime's rules are parsed in: its variables, defaults and the holiday binder. */
    static Env sutimeEnv(GenericTimeExpressionPatterns patterns) {
        try {
            return CoreNlpInternals.env(patterns);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SUTime's rule environment is not where CoreNLP 4.5.10 keeps it", e);
        }
    }

    /**
     * Puts a pre-test in front of a plain token rule or a composite rule that needs at least one node pattern, or
     * else one of a few for its first token; any other rule is left untouched.
     *
     * @return whether the rule was wrapped
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean wrap(SequenceMatchRules.Rule candidate) {
        if (!(candidate instanceof AnnotationExtractRule rule)
                || !(rule.pattern instanceof SequencePattern<?> pattern)
                || rule.extractRule instanceof RulePretest) {
            return false;
        }
        Class<?> tokensKey;
        if (!rule.isComposite && SequenceMatchRules.TOKEN_PATTERN_RULE_TYPE.equals(rule.ruleType)
                && rule.extractRule instanceof SequenceMatchRules.CoreMapExtractRule && rule.annotationField != null) {
            // the token rule's matcher reads in.get(annotationField) (TokenPatternExtractRuleCreator sets it to the tokens key)
            tokensKey = rule.annotationField;
        } else if (rule.isComposite && SequenceMatchRules.COMPOSITE_RULE_TYPE.equals(rule.ruleType)
                && rule.extractRule instanceof SequenceMatchRules.SequencePatternExtractRule) {
            // a composite rule's matcher reads its input, the stage's tokens with the expressions found so far merged
            tokensKey = null;
        } else {
            return false;
        }
        List<NodePattern<CoreMap>> required = requiredNodes((SequencePattern<CoreMap>) pattern);
        List<NodePattern<CoreMap>> firstNodes = required.isEmpty() ? firstNodes((SequencePattern<CoreMap>) pattern) : List.of();
        if (required.isEmpty() && firstNodes.isEmpty()) {
            return false;
        }
        rule.extractRule = new RulePretest(tokensKey, required, firstNodes, rule.matchWithResults, rule.extractRule);
        return true;
    }

    /**
     * The node patterns every match of the pattern consumes a token with, each once, leaving out "any token": those on
     * every path from the start of the pattern's automaton to its match state (below). Should the automaton not be
     * where CoreNLP 4.5.10 keeps it, CoreNLP's own {@code findNodePatterns(f, false, false)}, which stops at the first
     * optional or alternative part.
     */
    static List<NodePattern<CoreMap>> requiredNodes(SequencePattern<CoreMap> pattern) {
        List<NodePattern<CoreMap>> onEveryPath;
        try {
            onEveryPath = nodesOnEveryPath(pattern);
        } catch (ReflectiveOperationException | RuntimeException e) {
            onEveryPath = List.copyOf(pattern.findNodePatterns(Function.identity(), false, false));
        }
        List<NodePattern<CoreMap>> required = new ArrayList<>();
        for (NodePattern<CoreMap> node : onEveryPath) {
            if (node != NodePattern.ANY_NODE && required.stream().noneMatch(seen -> seen == node)) {
                required.add(node);
            }
        }
        return List.copyOf(required);
    }

    /**
     * The node patterns a match can consume its first token with, for a rule without required ones ("/late/ | /end/"):
     * the node states reached from the root through states that consume nothing. Empty (no test) when a match could
     * consume nothing, or start with "any token" or a state whose first token is not one node pattern's (several
     * tokens, a back reference, a repetition: {@code RepeatState} also enters its repeated part, which is not among
     * its next states).
     */
    @SuppressWarnings("unchecked")
    static List<NodePattern<CoreMap>> firstNodes(SequencePattern<CoreMap> pattern) {
        try {
            List<NodePattern<CoreMap>> first = new ArrayList<>();
            Map<Object, Boolean> seen = new IdentityHashMap<>();
            Deque<Object> todo = new ArrayDeque<>();
            Object root = CoreNlpInternals.root(pattern);
            seen.put(root, true);
            todo.add(root);
            while (!todo.isEmpty()) {
                Object state = todo.poll();
                NodePattern<CoreMap> node = (NodePattern<CoreMap>) CoreNlpInternals.nodePattern(state);
                if (node != null) {
                    if (node == NodePattern.ANY_NODE) {
                        return List.of();
                    }
                    if (first.stream().noneMatch(seenNode -> seenNode == node)) {
                        first.add(node);
                    }
                    continue; // the first token is consumed here
                }
                if (!CoreNlpInternals.consumesNothing(state)) {
                    return List.of();
                }
                for (Object n : CoreNlpInternals.next(state)) {
                    if (seen.put(n, true) == null) {
                        todo.add(n);
                    }
                }
            }
            return List.copyOf(first);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return List.of();
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public boolean extract(I in, List<T> out) {
        Object tokens = tokensKey == null ? in : in instanceof CoreMap map ? map.get((Class) tokensKey) : null;
        return mayMatch(tokens) && rule.extract(in, out);
    }

    /** False only when some required node pattern matches none of the tokens, or none of the first nodes matches any. */
    @SuppressWarnings("unchecked")
    boolean mayMatch(Object list) {
        if (!(list instanceof List<?>)) {
            return true; // not a token list: leave it to the rule
        }
        try {
            List<? extends CoreMap> tokens = (List<? extends CoreMap>) list;
            for (NodePattern<CoreMap> node : required) {
                if (!anyMatches(node, tokens)) {
                    return false;
                }
            }
            return firstNodes.isEmpty() || firstNodes.stream().anyMatch(node -> anyMatches(node, tokens));
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

    /**
     * The node patterns on every path from the root of the pattern's automaton to its match state. The matcher
     * ({@code SequencePattern.State#match} and its subclasses in 4.5.10) leaves a state only for one of its
     * {@code next} states, except a {@code RepeatState}, which also enters its repeated part, whose exits lead back to
     * it; and a {@code NodePatternState} goes on only when its node pattern matches the token there. So every match
     * consumes a token with each node pattern that lies on every path along {@code next} from the root to the match
     * state. Those sets are the greatest fixed point of {@code onEveryPath(s) = own(s) + (the intersection of
     * onEveryPath(n) over the next states n)}, where a state without next states (the match state) has only its own.
     */
    @SuppressWarnings("unchecked")
    private static List<NodePattern<CoreMap>> nodesOnEveryPath(SequencePattern<CoreMap> pattern) throws ReflectiveOperationException {
        // the states reachable along next: their node pattern (an index in nodes, or null) and next states
        Map<Object, Integer> index = new IdentityHashMap<>();
        List<NodePattern<CoreMap>> nodes = new ArrayList<>();
        List<Integer> ownNode = new ArrayList<>();
        List<List<Integer>> next = new ArrayList<>();
        Deque<Object> todo = new ArrayDeque<>();
        Object root = CoreNlpInternals.root(pattern);
        index.put(root, 0);
        todo.add(root);
        while (!todo.isEmpty()) {
            Object state = todo.poll();
            NodePattern<CoreMap> node = (NodePattern<CoreMap>) CoreNlpInternals.nodePattern(state);
            Integer own = null;
            if (node != null) {
                own = indexOfSame(nodes, node);
                if (own < 0) {
                    own = nodes.size();
                    nodes.add(node);
                }
            }
            ownNode.add(own);
            List<Integer> successors = new ArrayList<>();
            for (Object n : CoreNlpInternals.next(state)) {
                Integer i = index.get(n);
                if (i == null) {
                    i = index.size();
                    index.put(n, i);
                    todo.add(n);
                }
                successors.add(i);
            }
            next.add(successors);
        }
        // greatest fixed point: every state starts as "every node pattern" (null) and shrinks until nothing changes
        List<BitSet> onEveryPath = new ArrayList<>(Collections.nCopies(index.size(), null));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int s = 0; s < index.size(); s++) {
                BitSet set = null;
                boolean allUnknown = !next.get(s).isEmpty();
                for (int n : next.get(s)) {
                    BitSet after = onEveryPath.get(n);
                    if (after == null) {
                        continue; // still "every node pattern": no constraint yet
                    }
                    allUnknown = false;
                    if (set == null) {
                        set = (BitSet) after.clone();
                    } else {
                        set.and(after);
                    }
                }
                if (allUnknown) {
                    continue;
                }
                if (set == null) {
                    set = new BitSet();
                }
                if (ownNode.get(s) != null) {
                    set.set(ownNode.get(s));
                }
                if (!set.equals(onEveryPath.get(s))) {
                    onEveryPath.set(s, set);
                    changed = true;
                }
            }
        }
        BitSet fromRoot = onEveryPath.get(0);
        if (fromRoot == null) {
            return List.of(); // no path reaches the match state: claim nothing
        }
        return fromRoot.stream().mapToObj(nodes::get).toList();
    }

    private static int indexOfSame(List<NodePattern<CoreMap>> nodes, NodePattern<CoreMap> node) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) == node) {
                return i;
            }
        }
        return -1;
    }

    /**
     * What the pre-test reads of CoreNLP 4.5.10 by reflection, all of it here. SUTime's rule environment is built by
     * {@code GenericTimeExpressionPatterns}'s private {@code initEnv} and kept in a package-private field that only its
     * own {@code createExtractor} uses, so an extractor with pre-tests cannot be built over it otherwise. A pattern's
     * automaton ({@code SequencePattern.root}, {@code State.next}, {@code NodePatternState.pattern}) is package-private,
     * and the public {@code findNodePatterns(f, false, false)} stops at the first optional or alternative part
     * ("the"? ...), which leaves most of SUTime's rules with no node pattern or only their first to test.
     */
    private static final class CoreNlpInternals {

        private static final Field ENV;
        private static final Field ROOT;
        private static final Field NEXT;
        private static final Field NODE_PATTERN;
        private static final Class<?> NODE_PATTERN_STATE;
        private static final ReflectiveOperationException MISSING;
        /** The classes of {@link #consumesNothing} states, by name: they are package-private. */
        private static final Set<String> PASS_THROUGH = Stream.of("State", "GroupStartState", "GroupEndState", "ValueState",
                        "ConjStartState", "ConjEndState", "SeqStartState", "SeqEndState")
                .map(kind -> SequencePattern.class.getName() + "$" + kind)
                .collect(Collectors.toSet());

        static {
            Field env = null;
            Field root = null;
            Field next = null;
            Field nodePattern = null;
            Class<?> nodePatternState = null;
            ReflectiveOperationException missing = null;
            try {
                env = accessible(GenericTimeExpressionPatterns.class.getDeclaredField("env"));
                root = accessible(SequencePattern.class.getDeclaredField("root"));
                ClassLoader loader = SequencePattern.class.getClassLoader();
                next = accessible(Class.forName(SequencePattern.class.getName() + "$State", false, loader).getDeclaredField("next"));
                nodePatternState = Class.forName(SequencePattern.class.getName() + "$NodePatternState", false, loader);
                nodePattern = accessible(nodePatternState.getDeclaredField("pattern"));
            } catch (ReflectiveOperationException | RuntimeException e) {
                missing = e instanceof ReflectiveOperationException r ? r : new ReflectiveOperationException(e);
            }
            ENV = env;
            ROOT = root;
            NEXT = next;
            NODE_PATTERN = nodePattern;
            NODE_PATTERN_STATE = nodePatternState;
            MISSING = missing;
        }

        private static Field accessible(Field field) {
            field.setAccessible(true);
            return field;
        }

        private static Object read(Field field, Object from) throws ReflectiveOperationException {
            if (MISSING != null) {
                throw MISSING;
            }
            return field.get(from);
        }

        static Env env(GenericTimeExpressionPatterns patterns) throws ReflectiveOperationException {
            return (Env) read(ENV, patterns);
        }

        static Object root(SequencePattern<?> pattern) throws ReflectiveOperationException {
            return read(ROOT, pattern);
        }

        /** The state's next states (none for the match state). */
        static Collection<?> next(Object state) throws ReflectiveOperationException {
            Collection<?> next = (Collection<?>) read(NEXT, state);
            return next == null ? List.of() : next;
        }

        /**
         * States that consume no token and go on to their next states only: group and conjunction marks, value
         * states, sequence start and end, and the plain states of alternatives and optional parts. Not the match state,
         * node states, repetitions, multi-token or back-reference states.
         */
        static boolean consumesNothing(Object state) {
            return PASS_THROUGH.contains(state.getClass().getName());
        }

        /** The node pattern a NodePatternState matches a token with, or null for another kind of state. */
        static NodePattern<?> nodePattern(Object state) throws ReflectiveOperationException {
            return NODE_PATTERN_STATE.isInstance(state) ? (NodePattern<?>) read(NODE_PATTERN, state) : null;
        }
    }
}
