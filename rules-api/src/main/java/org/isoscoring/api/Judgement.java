package org.isoscoring.api;

/** An assessor's verdict on a criterion: the maximum, half of it, or nothing. */
public enum Judgement { FULL, PARTIAL, NONE }
