# Settings for the `flask` command in a development checkout (python-dotenv reads this file).
# Variables already set in the environment win: a server sets TRACKER_ENV=production itself.
FLASK_APP=wsgi.py
TRACKER_ENV=development
