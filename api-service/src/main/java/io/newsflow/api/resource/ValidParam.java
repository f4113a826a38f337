package io.newsflow.api.resource;

import io.newsflow.api.ApiConfig;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query or path parameter that must follow {@link QueryParams}' rule for its kind. Checked by Bean Validation before
 * the resource method runs: every bad parameter of a request is reported at once, each under its own name
 * ({@link ValidationProblems}); the method then parses values known to be good.
 */
@Documented
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidParam.Check.class)
public @interface ValidParam {

    Rule value();

    String message() default "is not valid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What a parameter holds; each rule is the parser the resource uses for it, so the two cannot disagree. */
    enum Rule {
        TEXT, ENTITY, PATH_SEGMENT, ENTITY_TYPE, LANGUAGES, INSTANT_FROM, INSTANT_TO, DAY_FROM, DAY_TO, LIMIT,
        ARTICLE_CURSOR, ENTITY_CURSOR, REVISION_CURSOR;

        /** @throws InvalidParameterException with what is wrong, when the value breaks the rule */
        void check(String value, int maxLimit) {
            switch (this) { // the parameter's name is the violation's path, not part of the message
                case TEXT -> QueryParams.text("", value);
                case ENTITY -> QueryParams.entity(value);
                case PATH_SEGMENT -> QueryParams.pathSegment("", value);
                case ENTITY_TYPE -> QueryParams.entityType(value);
                case LANGUAGES -> QueryParams.languages(value);
                case INSTANT_FROM -> QueryParams.instantFrom("", value);
                case INSTANT_TO -> QueryParams.instantAfter("", value);
                case DAY_FROM -> QueryParams.day("", value, false);
                case DAY_TO -> QueryParams.day("", value, true);
                case LIMIT -> QueryParams.limit(value, 1, maxLimit);
                case ARTICLE_CURSOR -> QueryParams.articleCursor(value);
                case ENTITY_CURSOR -> QueryParams.entityCursor(value);
                case REVISION_CURSOR -> QueryParams.revisionCursor(value);
            }
        }
    }

    class Check implements ConstraintValidator<ValidParam, String> {

        // validators are made while the application starts, before its configuration can be read: asked per check
        @Inject
        Provider<ApiConfig> config;

        private Rule rule;

        @Override
        public void initialize(ValidParam annotation) {
            rule = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            try {
                rule.check(value, config.get().maxLimit());
                return true;
            } catch (InvalidParameterException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(literal(e.getMessage())).addConstraintViolation();
                return false;
            }
        }

        /** The message as it is: no message interpolation of braces or dollar signs. */
        private static String literal(String message) {
            return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
