// Command drove is the one drove binary: the server and the tools around it.
package main
