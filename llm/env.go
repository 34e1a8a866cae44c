package llm

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Environment variables FromEnv reads.
const (
	EnvAPIKey      = "OPENAI_API_KEY"
	EnvBaseURL     = "OPENAI_BASE_URL"
	EnvModel       = "OPENAI_MODEL"
	EnvTimeout     = "BROBYGGER_LLM_TIMEOUT"
	EnvDailyTokens = "BROBYGGER_LLM_DAILY_TOKENS"
)

// FromEnv reads the configuration with getenv (os.Getenv in production).
// ok is false when no API key is set: the model is off and Brobygger runs
// deterministically. The timeout is a Go duration ("8s", "1500ms") or whole
// seconds; the daily budget is tokens per user, -1 for no limit.
func FromEnv(getenv func(string) string) (cfg Config, ok bool, err error) {
	cfg = Config{
		APIKey:  strings.TrimSpace(getenv(EnvAPIKey)),
		BaseURL: strings.TrimSpace(getenv(EnvBaseURL)),
		Model:   strings.TrimSpace(getenv(EnvModel)),
	}
	if cfg.APIKey == "" {
		return Config{}, false, nil
	}
	if v := strings.TrimSpace(getenv(EnvTimeout)); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			secs, nerr := strconv.Atoi(v)
			if nerr != nil {
				return Config{}, false, fmt.Errorf("%s=%q: want a duration such as 8s", EnvTimeout, v)
			}
			d = time.Duration(secs) * time.Second
		}
		if d <= 0 {
			return Config{}, false, fmt.Errorf("%s=%q: must be positive", EnvTimeout, v)
		}
		cfg.Timeout = d
	}
	if v := strings.TrimSpace(getenv(EnvDailyTokens)); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n == 0 || n < -1 {
			return Config{}, false, fmt.Errorf("%s=%q: want a positive number of tokens, or -1 for no limit", EnvDailyTokens, v)
		}
		cfg.DailyTokens = n
	}
	return cfg.withDefaults(), true, nil
}
