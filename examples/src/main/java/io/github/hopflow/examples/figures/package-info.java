/**
 * The figures of density-flow runs: the grid and animation of weighted point-cloud snapshots
 * coloured by density value over contours of the stationary density (HNN paper, Fig. 4), and the
 * per-step and cumulative computation time of the proximal recursion (Fig. 5).
 */
package io.github.hopflow.examples.figures;
