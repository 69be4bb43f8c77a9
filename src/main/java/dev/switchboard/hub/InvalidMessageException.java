package dev.switchboard.hub;

/** Thrown when a room refuses a message; carries the {@link Problem} to report to the sender. */
public class InvalidMessageException extends RuntimeException {

    private final transient Problem problem;

    public InvalidMessageException(Problem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
