"""`briefer mail`: a brief as an RFC 5322 message, printed for `sendmail -t` or sent over SMTP.

message.py builds the message (pure), headers.py makes untrusted text safe for headers and checks
addresses, send.py talks SMTP and keeps unsent messages, config.py reads defaults, command.py is
the command line.
"""
