package io.newsflow.cli;

import io.newsflow.eval.EvalCommand;
import io.newsflow.eval.train.TrainNerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Java commands of {@code ./newsflow}: {@code java -cp ... io.newsflow.cli.Newsflow COMMAND [ARGS]}. The script
 * builds this module, supervises the processes of {@code up}/{@code down}/{@code status}, and hands the rest here.
 */
@Command(name = "newsflow", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = {"The commands of ./newsflow that run in Java ('./newsflow help' lists up, down and status too).",
                "'newsflow COMMAND --help' shows a command's options."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:runtime failure", "2:usage error"})
public final class Newsflow implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }

    public static void main(String[] args) {
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR"); // no "no SLF4J providers" notice
        }
        System.exit(commandLine(System.out, System.err, System.getenv(), stderrIsTerminal()).execute(args));
    }

    /** The command line with its subcommands, writing to OUT and ERR, reading settings from ENV. */
    static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> env, boolean errIsTerminal) {
        CommandLine cl = new CommandLine(new Newsflow())
                .addSubcommand(new IngestCommand(out, err, env, errIsTerminal))
                .addSubcommand(new EnrichPassThrough())
                .addSubcommand(new EvalCommand())
                .addSubcommand(new TrainNerCommand())
                .addSubcommand(new ReprocessCommand())
                .addSubcommand(new UpSummaryCommand(out, env))
                .addSubcommand(new IngestKeyCommand(out, err, env));
        // enrich parses its own options: everything from the first argument on is its
        cl.getSubcommands().get("enrich").setStopAtUnmatched(true);
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setParameterExceptionHandler(Newsflow::usageError);
        cl.setExecutionExceptionHandler((e, command, parseResult) -> {
            command.getErr().println(command.getCommandName() + ": "
                    + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return 1;
        });
        return cl;
    }

    /** "newsflow: what was wrong", a blank line, then the usage of the command it concerns; exit 2. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String arg = unmatched.getUnmatched().get(0);
            boolean top = command.getParent() == null;
            message = top ? "unknown command '" + arg + "'"
                    : command.getCommandName() + ": " + (arg.startsWith("-") ? "unknown option '" : "unexpected argument '")
                    + arg + "'";
        }
        PrintWriter err = command.getErr();
        err.println("newsflow: " + message);
        err.println();
        command.usage(err);
        return 2;
    }

    /** Whether stderr is a terminal (the progress bar redraws in place there); Linux, else assumed not. */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** A path as the user would type it: relative to the current folder when below it. */
    static String pretty(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) && !absolute.equals(here) ? here.relativize(absolute).toString() : path.toString();
    }
}
