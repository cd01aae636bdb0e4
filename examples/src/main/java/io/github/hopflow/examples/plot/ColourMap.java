package io.github.hopflow.examples.plot;

import java.awt.Color;

/**
 * A continuous colour map from [0, 1] to colours, interpolated linearly between equally spaced
 * control colours.
 */
public final class ColourMap {

    /** Blue (low) through cyan, green and yellow to red (high), as in the paper's Fig. 4. */
    public static final ColourMap RAINBOW = new ColourMap("rainbow", new int[] {
        0x30123B, 0x4145AB, 0x4675ED, 0x39A2FC, 0x1BCFD4, 0x24ECA6, 0x61FC6C, 0xA4FC3B,
        0xD1E834, 0xF3C63A, 0xFE9B2D, 0xF36315, 0xD93806, 0xB11901, 0x7A0402});

    /** Dark violet (low) through blue and green to yellow (high); perceptually uniform. */
    public static final ColourMap VIRIDIS = new ColourMap("viridis", new int[] {
        0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59,
        0xB4DE2C, 0xFDE725});

    /** The default map of every figure: viridis. */
    public static final ColourMap DEFAULT = VIRIDIS;

    private final String name;
    private final float[][] rgb;

    private ColourMap(String name, int[] controls) {
        this.name = name;
        this.rgb = new float[controls.length][3];
        for (int k = 0; k < controls.length; k++) {
            rgb[k][0] = ((controls[k] >> 16) & 0xFF) / 255f;
            rgb[k][1] = ((controls[k] >> 8) & 0xFF) / 255f;
            rgb[k][2] = (controls[k] & 0xFF) / 255f;
        }
    }

    /**
     * The map called {@code text}: {@code viridis} or {@code rainbow}.
     *
     * @param option the option it was given to, for the error
     * @throws IllegalArgumentException naming the option and the value otherwise
     */
    public static ColourMap byName(String option, String text) {
        String key = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (key.equals("viridis")) {
            return VIRIDIS;
        }
        if (key.equals("rainbow")) {
            return RAINBOW;
        }
        throw new IllegalArgumentException(option + " must be viridis or rainbow, got '" + text + "'");
    }

    /** The map's name. */
    public String name() {
        return name;
    }

    /**
     * The colour at {@code t}; values outside [0, 1] are clamped and NaN gives the low end.
     */
    public Color colour(double t) {
        return new Color(argb(t), false);
    }

    /** The colour at {@code t} as packed opaque RGB (for filling images pixel by pixel). */
    public int argb(double t) {
        double s = Double.isNaN(t) ? 0 : Math.min(1, Math.max(0, t));
        double pos = s * (rgb.length - 1);
        int k = Math.min((int) pos, rgb.length - 2);
        float w = (float) (pos - k);
        int r = Math.round(255 * (rgb[k][0] + w * (rgb[k + 1][0] - rgb[k][0])));
        int g = Math.round(255 * (rgb[k][1] + w * (rgb[k + 1][1] - rgb[k][1])));
        int b = Math.round(255 * (rgb[k][2] + w * (rgb[k + 1][2] - rgb[k][2])));
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }

    @Override
    public String toString() {
        return "ColourMap[" + name + "]";
    }
}
