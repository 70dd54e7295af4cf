package io.dcx.tools;

public final class DcxTools {
    public static void main(String[] args) {
    }
}
