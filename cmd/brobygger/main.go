// Command brobygger runs the Brobygger server (the default) and its tools:
//
//	brobygger              run the server
//	brobygger understand   read utterances on stdin, print what was understood as JSON lines
//	brobygger load         play conversations against a running server and print turn latency
//	brobygger eval         play the evaluation personas over the sample catalog and score their cards
//	brobygger safety       score the crisis reader on labelled safety sets (recall, false alarms)
//	brobygger admin        admin create-user --role R --email E [--org ORG_ID]; admin create-org --name N
package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // Danish wall-clock times must work on machines without zoneinfo.

	"github.com/brobygger/brobygger/app"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "brobygger:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "understand":
			return runUnderstand(os.Stdin, os.Stdout)
		case "load":
			return runLoad(args[1:], os.Stdout)
		case "eval":
			return runEval(args[1:], os.Stdout)
		case "safety":
			return runSafety(args[1:], os.Stdout)
		case "admin":
			return runAdmin(context.Background(), app.FromEnv(), args[1:], os.Stdout, os.Stderr)
		case "serve":
		default:
			return fmt.Errorf("unknown command %q (commands: serve, understand, load, eval, safety, admin)", args[0])
		}
	}
	return serve()
}

func serve() error {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg := app.FromEnv()
	cfg.Logger = log
	a, err := app.New(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.Close(context.Background())
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	log.Info("Brobygger is running: open " + publicURL(ln.Addr()))
	return a.Serve(ctx, ln)
}

// publicURL is the address to open in a browser.
func publicURL(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || tcp.IP.IsUnspecified() || tcp.IP.IsLoopback() {
		if ok {
			return fmt.Sprintf("http://localhost:%d/", tcp.Port)
		}
	}
	return "http://" + addr.String() + "/"
}
