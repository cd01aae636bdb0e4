package io.github.hopflow.sde;

import io.github.hopflow.geometry.internal.Checks;
import java.util.function.DoubleUnaryOperator;

/** The built-in {@link TemperatureSchedule}s and their argument checks. */
final class Schedules {

    private Schedules() {
    }

    static double requireTemperature(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    static double requireTime(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("time t must be a finite number >= 0, got " + t);
        }
        return t;
    }

    static final class Constant implements TemperatureSchedule {
        private final double value;

        Constant(double value) {
            this.value = value;
        }

        @Override
        public double temperature(double t) {
            requireTime(t);
            return value;
        }

        @Override
        public boolean isConstant() {
            return true;
        }

        @Override
        public String toString() {
            return "constant(T=" + value + ")";
        }
    }

    static final class Logarithmic implements TemperatureSchedule {
        private final double initial;
        private final double timeScale;

        Logarithmic(double initial, double timeScale) {
            this.initial = initial;
            this.timeScale = timeScale;
        }

        @Override
        public double temperature(double t) {
            requireTime(t);
            return initial / Math.log(Math.E + t / timeScale);
        }

        @Override
        public String toString() {
            return "logarithmic(T0=" + initial + ", tau=" + timeScale + ")";
        }
    }

    static final class Exponential implements TemperatureSchedule {
        private final double initial;
        private final double timeScale;
        private final double floor;

        Exponential(double initial, double timeScale, double floor) {
            this.initial = initial;
            this.timeScale = timeScale;
            this.floor = floor;
        }

        @Override
        public double temperature(double t) {
            requireTime(t);
            return Math.max(initial * Math.exp(-t / timeScale), floor);
        }

        @Override
        public boolean isConstant() {
            return initial == floor;
        }

        @Override
        public String toString() {
            return "exponential(T0=" + initial + ", tau=" + timeScale + ", Tmin=" + floor + ")";
        }
    }

    static final class User implements TemperatureSchedule {
        private final DoubleUnaryOperator function;
        private final String description;

        User(DoubleUnaryOperator function, String description) {
            this.function = function;
            this.description = description;
        }

        @Override
        public double temperature(double t) {
            requireTime(t);
            double v = function.applyAsDouble(t);
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("temperature schedule " + description + " returned T(" + t
                        + ") = " + v + "; temperatures must be finite and >= 0");
            }
            return v;
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
