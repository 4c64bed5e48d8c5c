package io.funnel.qualification.domain;

import io.funnel.events.ActivityEvent.ActivityType;
import io.funnel.platform.api.Problem.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks a scoring model (or persona criteria) and names every bad rule by its path, e.g. {@code fitRules[2].pattern}. */
public final class ModelValidator {

    static final int MAX_RULES = 200;
    static final int MAX_POINTS = 1000;
    private static final List<String> ACTIVITY_TYPES = Arrays.stream(ActivityType.values()).map(Enum::name).toList();

    private ModelValidator() {
    }

    public static List<FieldError> validate(ScoringModel model) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> idPaths = new HashMap<>();
        if (model.fitRules().size() > MAX_RULES) {
            errors.add(new FieldError("fitRules", "at most " + MAX_RULES + " rules"));
        }
        if (model.behaviourRules().size() > MAX_RULES) {
            errors.add(new FieldError("behaviourRules", "at most " + MAX_RULES + " rules"));
        }
        for (int i = 0; i < model.fitRules().size(); i++) {
            String path = "fitRules[" + i + "]";
            ScoringModel.FitRule rule = model.fitRules().get(i);
            if (rule == null) {
                errors.add(new FieldError(path, "must not be null"));
                continue;
            }
            checkId(path, rule.id(), idPaths, errors);
            checkTest(path, rule, errors);
            checkPoints(path, rule.points(), errors);
            checkReason(path, rule.reason(), errors);
        }
        for (int i = 0; i < model.behaviourRules().size(); i++) {
            String path = "behaviourRules[" + i + "]";
            ScoringModel.BehaviourRule rule = model.behaviourRules().get(i);
            if (rule == null) {
                errors.add(new FieldError(path, "must not be null"));
                continue;
            }
            checkId(path, rule.id(), idPaths, errors);
            if (rule.activityType() == null || !ACTIVITY_TYPES.contains(rule.activityType())) {
                errors.add(new FieldError(path + ".activityType", "unknown activity type '" + rule.activityType()
                        + "'; one of " + ACTIVITY_TYPES));
            }
            checkPoints(path, rule.points(), errors);
            if (rule.capPerDay() != null && rule.capPerDay() <= 0) {
                errors.add(new FieldError(path + ".capPerDay", "must be positive (omit it for no cap)"));
            }
            if (rule.halfLifeDays() != null && !(rule.halfLifeDays() > 0 && rule.halfLifeDays() <= 3650)) {
                errors.add(new FieldError(path + ".halfLifeDays",
                        "must be positive and at most 3650 days (omit it for no decay)"));
            }
            checkReason(path, rule.reason(), errors);
        }
        return errors;
    }

    /** Checks one attribute test (a fit rule or a persona criterion) at {@code path}. */
    public static void checkTest(String path, AttributeTest test, List<FieldError> errors) {
        String attribute = test.attribute();
        if (attribute == null || !LeadAttributes.NAMES.contains(attribute)) {
            errors.add(new FieldError(path + ".attribute", "unknown attribute '" + attribute + "'; one of "
                    + LeadAttributes.NAMES));
            return;
        }
        int matchers = (test.pattern() != null ? 1 : 0) + (test.range() != null ? 1 : 0)
                + (test.values() != null ? 1 : 0) + (test.present() != null ? 1 : 0);
        if (matchers != 1) {
            errors.add(new FieldError(path, "needs exactly one of pattern, range, values, present"));
            return;
        }
        if ("phone".equals(attribute) && test.present() == null) {
            errors.add(new FieldError(path + ".present", "phone is only tested with present: true"));
        }
        if (test.pattern() != null) {
            checkPattern(path + ".pattern", test.pattern(), errors);
        }
        if (test.range() != null) {
            checkRange(path + ".range", attribute, test.range(), errors);
        }
        if (test.values() != null && (test.values().isEmpty() || test.values().size() > 500
                || test.values().stream().anyMatch(v -> v == null || v.isBlank()))) {
            errors.add(new FieldError(path + ".values", "must hold 1 to 500 non-blank values"));
        }
        if (test.present() != null && !test.present()) {
            errors.add(new FieldError(path + ".present", "must be true"));
        }
    }

    private static void checkPattern(String path, String pattern, List<FieldError> errors) {
        if (pattern.isBlank() || pattern.length() > 500) {
            errors.add(new FieldError(path, "must be 1 to 500 characters"));
            return;
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            errors.add(new FieldError(path, "bad regex: " + e.getDescription() + " near index " + e.getIndex()));
        }
    }

    private static void checkRange(String path, String attribute, ScoringModel.Range range,
            List<FieldError> errors) {
        if (!"companySize".equals(attribute)) {
            errors.add(new FieldError(path, "a range applies only to companySize"));
        } else if (range.min() == null && range.max() == null) {
            errors.add(new FieldError(path, "needs min, max or both"));
        } else if (range.min() != null && range.max() != null && range.min() > range.max()) {
            errors.add(new FieldError(path, "min must not exceed max"));
        }
    }

    private static void checkId(String path, String id, Map<String, String> idPaths, List<FieldError> errors) {
        if (id == null || id.isBlank() || id.length() > 100) {
            errors.add(new FieldError(path + ".id", "must be 1 to 100 characters"));
            return;
        }
        String first = idPaths.putIfAbsent(id, path);
        if (first != null) {
            errors.add(new FieldError(path + ".id", "duplicate rule id '" + id + "' (also " + first + ")"));
        }
    }

    private static void checkPoints(String path, Integer points, List<FieldError> errors) {
        if (points == null) {
            errors.add(new FieldError(path + ".points", "is required"));
        } else if (Math.abs(points) > MAX_POINTS) {
            errors.add(new FieldError(path + ".points", "must be between -" + MAX_POINTS + " and " + MAX_POINTS));
        }
    }

    private static void checkReason(String path, String reason, List<FieldError> errors) {
        if (reason == null || reason.isBlank() || reason.length() > 300) {
            errors.add(new FieldError(path + ".reason", "must be 1 to 300 characters: every point explains itself"));
        }
    }
}
