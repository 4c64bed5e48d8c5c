package io.funnel.reporting.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How a conversion's value is shared among the touches before it (oldest first). Every model's weights sum to 1.
 * U-shaped: 40 % first, 40 % last, 20 % shared by the middle. W-shaped: 30 % each to the first touch, the capture
 * (lead creation) and the last touch before the opportunity opened, 10 % shared by the rest. Time decay: a touch's
 * weight halves for every {@link #HALF_LIFE} before the conversion.
 */
public enum AttributionModel {
    FIRST_TOUCH, LAST_TOUCH, LINEAR, U_SHAPED, W_SHAPED, TIME_DECAY;

    public static final Duration HALF_LIFE = Duration.ofDays(7);

    public static Optional<AttributionModel> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.label().equals(value.toLowerCase(Locale.ROOT))).findFirst();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Weights of {@code touches} (oldest first, all at or before {@code conversion}). */
    public double[] weights(List<Touch> touches, Instant conversion, Instant opportunityOpened) {
        int n = touches.size();
        double[] w = new double[n];
        if (n == 0) {
            return w;
        }
        switch (this) {
            case FIRST_TOUCH -> w[0] = 1;
            case LAST_TOUCH -> w[n - 1] = 1;
            case LINEAR -> Arrays.fill(w, 1.0 / n);
            case U_SHAPED -> {
                if (n <= 2) {
                    Arrays.fill(w, 1.0 / n);
                } else {
                    Arrays.fill(w, 0.2 / (n - 2));
                    w[0] = 0.4;
                    w[n - 1] = 0.4;
                }
            }
            case W_SHAPED -> wShaped(touches, opportunityOpened, w);
            case TIME_DECAY -> {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double halfLives = (double) Duration.between(touches.get(i).at(), conversion).toMillis()
                            / HALF_LIFE.toMillis();
                    w[i] = Math.pow(0.5, halfLives);
                    sum += w[i];
                }
                for (int i = 0; i < n; i++) {
                    w[i] /= sum;
                }
            }
            default -> throw new IllegalStateException(name());
        }
        return w;
    }

    private static void wShaped(List<Touch> touches, Instant opportunityOpened, double[] w) {
        int n = touches.size();
        Set<Integer> keys = new LinkedHashSet<>();
        keys.add(0);
        for (int i = 0; i < n; i++) {
            if (touches.get(i).capture()) {
                keys.add(i);
                break;
            }
        }
        int opportunityTouch = n - 1;
        if (opportunityOpened != null) {
            for (int i = n - 1; i >= 0; i--) {
                if (!touches.get(i).at().isAfter(opportunityOpened)) {
                    opportunityTouch = i;
                    break;
                }
            }
        }
        keys.add(opportunityTouch);
        int others = n - keys.size();
        double keyShare = others == 0 ? 1.0 / keys.size() : 0.9 / keys.size();
        for (int i = 0; i < n; i++) {
            w[i] = keys.contains(i) ? keyShare : 0.1 / others;
        }
    }
}
