package org.isoscoring.api;

/** The rating (xếp loại) of an assessment's total; the bands themselves are rules of the guidance. */
public enum Rating {
    EXCELLENT("Xuất sắc"),
    GOOD("Tốt"),
    FAIR("Khá"),
    AVERAGE("Trung bình"),
    WEAK("Yếu");

    private final String vietnamese;

    Rating(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    /** The rating's name as the guidance writes it, for example {@code "Xuất sắc"}. */
    public String vietnamese() {
        return vietnamese;
    }
}
