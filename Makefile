# The two commands of the README: `make run` and `make test`.
SHELL := /bin/bash
NPM ?= npm

.PHONY: run test build install clean bench

node_modules/.installed: package.json package-lock.json
	$(NPM) ci --no-audit --no-fund
	touch $@

install: node_modules/.installed

build: install
	$(NPM) run build --silent

run: build
	node dist/src/main.js

test: build
	$(NPM) test --silent

bench: build
	$(NPM) run bench --silent

clean:
	rm -rf dist
